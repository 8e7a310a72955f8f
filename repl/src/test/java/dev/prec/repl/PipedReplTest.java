package dev.prec.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.cli.PrecCommand;
import dev.prec.lang.Pipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PipedReplTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    record Transcript(boolean ok, String out, String err) {
    }

    static Transcript pipe(String input, Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ReplSession repl = new ReplSession(Pipeline.withInstalledEngines(), dir, new PrintWriter(out), new PrintWriter(err));
        boolean ok = new PipedRepl(repl).run(new BufferedReader(new StringReader(input)));
        return new Transcript(ok, out.toString(), err.toString());
    }

    @Test
    // only examples that neither train nor fit: those print wall times that differ run to run
    void pipingAnExampleScriptPrintsWhatPrecRunPrints() throws IOException {
        for (String example : new String[] {"optimize.prec"}) {
            Path script = EXAMPLES.resolve(example);
            StringWriter runOut = new StringWriter();
            CommandLine cmd = PrecCommand.commandLine();
            cmd.setOut(new PrintWriter(runOut));
            cmd.setErr(new PrintWriter(new StringWriter()));
            assertEquals(0, cmd.execute("run", script.toString()), example + " runs");
            Transcript piped = pipe(Files.readString(script), EXAMPLES.toAbsolutePath());
            assertTrue(piped.ok(), piped.err());
            assertFalse(runOut.toString().isBlank(), example + " prints something");
            assertEquals(runOut.toString(), piped.out(), example);
        }
    }

    @Test
    void anErrorShowsTheCaretUnderTheInputAndLaterInputsStillRun() throws IOException {
        Transcript t = pipe("x = 2\ny = x + \"a\"\nprint x * 3\n", Path.of("").toAbsolutePath());
        assertFalse(t.ok(), "an input failed, so the piped session reports failure");
        assertTrue(t.err().contains("   2 | y = x + \"a\"") || t.err().contains("y = x + \"a\""), t.err());
        assertTrue(t.err().contains("^"), t.err());
        assertEquals("6\n", t.out().replace("\r", ""));
    }

    @Test
    void openBracketsContinueOnTheNextLine() throws IOException {
        Transcript t = pipe("xs = [1,\n  2,\n  3]\nprint xs\n", Path.of("").toAbsolutePath());
        assertTrue(t.ok(), t.err());
        assertEquals("[1, 2, 3]\n", t.out().replace("\r", ""));
    }

    @Test
    void expressionInputsEchoTheirValue() throws IOException {
        Transcript t = pipe("2 + 3\n", Path.of("").toAbsolutePath());
        assertEquals("5\n", t.out().replace("\r", ""));
    }

    @Test
    void saveWritesTheInputsThatRanAndLoadRunsThemInAFreshSession(@TempDir Path dir) throws IOException {
        Transcript saved = pipe("a = 4\nb = a +\n  1\nc = nope\n:save s.prec\n", dir);
        assertFalse(saved.ok());
        String script = Files.readString(dir.resolve("s.prec"));
        assertFalse(script.contains("nope"), "inputs with errors are not saved: " + script);
        Transcript loaded = pipe(":load s.prec\nprint a * b\n:vars\n", dir);
        assertTrue(loaded.ok(), loaded.err());
        assertTrue(loaded.out().startsWith("20\n"), loaded.out());
        assertTrue(loaded.out().contains("a: "), loaded.out());
        assertTrue(loaded.out().contains("b: "), loaded.out());
    }

    @Test
    void resetForgetsNamesAndQuitStopsReading() throws IOException {
        Transcript t = pipe("a = 1\n:reset\nprint a\n:quit\nprint 99\n", Path.of("").toAbsolutePath());
        assertFalse(t.ok());
        assertTrue(t.err().contains("a"), t.err());
        assertFalse(t.out().contains("99"), t.out());
    }

    @Test
    void unknownCommandsFailAndHelpNamesAFunctionsParameters() throws IOException {
        Transcript t = pipe(":frobnicate\n:help transformer\n", Path.of("").toAbsolutePath());
        assertFalse(t.ok());
        assertTrue(t.err().contains("unknown command :frobnicate"), t.err());
        assertTrue(t.out().contains("transformer(layers: number"), t.out());
        assertTrue(t.out().contains("  heads: "), t.out());
    }

    @Test
    void planShowsTheSessionsSweep() throws IOException {
        Transcript t = pipe("""
                model m = transformer(layers: 2, width: 64, heads: 4, context: 64)
                sweep g = { model: m, tokens: [1M, 2M], precision: [bf16], seed: [0] }
                :plan
                """, Path.of("").toAbsolutePath());
        assertTrue(t.ok(), t.err());
        assertTrue(t.out().contains("2"), t.out());
    }
}
