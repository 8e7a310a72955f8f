package dev.prec.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code prec repl} through a real pseudo-terminal in a private tmux server. */
class TerminalReplTmuxTest {
    private final String socket = "prec-repl-test-" + ProcessHandle.current().pid();

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private String screen(boolean escapes) throws IOException, InterruptedException {
        return escapes ? tmux("capture-pane", "-p", "-e", "-t", "repl") : tmux("capture-pane", "-p", "-t", "repl");
    }

    private String waitFor(Predicate<String> ready, boolean escapes, String what) throws Exception {
        String s = "";
        for (int i = 0; i < 150; i++) {
            s = screen(escapes);
            if (ready.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + s);
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-server");
    }

    @Test
    @Timeout(60)
    void typingTabCompletionHighlightingCtrlCOfATrainAndContinuing(@TempDir Path dir) throws Exception {
        boolean hasTmux;
        try {
            hasTmux = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException e) {
            hasTmux = false;
        }
        assumeTrue(hasTmux, "tmux is not installed: the pseudo-terminal REPL test is skipped");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path launcher = dir.resolve("repl.sh");
        Files.writeString(launcher, "#!/bin/sh\ncd '" + dir + "'\n" + "'" + java + "' --add-modules jdk.incubator.vector"
                + " --enable-native-access=ALL-UNNAMED -cp '" + System.getProperty("java.class.path")
                + "' dev.prec.cli.PrecCommand repl --history '" + dir.resolve("history") + "' 2>&1 || sleep 5\n");
        launcher.toFile().setExecutable(true);
        tmux("new-session", "-d", "-s", "repl", "-x", "150", "-y", "40", "TERM=xterm-256color " + launcher);
        waitFor(s -> s.contains("prec>"), false, "the prompt");

        tmux("send-keys", "-t", "repl", "model m = transf", "Tab");
        waitFor(s -> s.contains("transformer("), false, "the function's completion");
        tmux("send-keys", "-t", "repl", "lay", "Tab");
        String tip = waitFor(s -> s.contains("transformer(layers: number"), false, "the signature tip");
        assertTrue(tip.contains("layers: "), tip);
        tmux("send-keys", "-t", "repl", "2, width: 64, heads: 4, context: 64)", "Enter");
        String colours = waitFor(s -> s.contains("\u001b[1m\u001b[34mmodel"), true, "the keyword highlighted bold blue");
        assertTrue(colours.contains("\u001b[33mtransformer"), "built-ins are yellow:\n" + colours);

        tmux("send-keys", "-t", "repl", "xs = [1,", "Enter");
        waitFor(s -> s.contains(" ...>"), false, "the continuation prompt");
        tmux("send-keys", "-t", "repl", "2]", "Enter", "print m.params + 0 params", "Enter");
        waitFor(s -> s.contains("100672 params"), false, "the printed result");

        tmux("send-keys", "-t", "repl", "oops = 1 + \"a\"", "Enter");
        waitFor(s -> s.contains("   1 | oops = 1 + \"a\"") && s.contains("^~~"), false, "the caret under the input");

        tmux("send-keys", "-t", "repl", "data lang = synthetic(vocab: 128, order: 2, seed: 7)", "Enter");
        tmux("send-keys", "-t", "repl", "runs = train { model: m, tokens: [2B], seed: [0] } on lang", "Enter");
        waitFor(s -> s.contains("sweep"), false, "the training's progress");
        tmux("send-keys", "-t", "repl", "C-c");
        waitFor(s -> s.contains("train was cancelled"), false, "the train cancelled by Ctrl-C");

        tmux("send-keys", "-t", "repl", "print len(xs) * 21", "Enter");
        waitFor(s -> s.contains("\n42"), false, "the session going on after Ctrl-C");
        tmux("send-keys", "-t", "repl", "C-d");
        for (int i = 0; i < 100 && tmux("has-session", "-t", "repl").isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.readString(dir.resolve("history")).contains("print len(xs) * 21"), "history is persisted");
    }
}
