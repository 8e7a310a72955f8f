package dev.prec.lang.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.embed.Prec;
import dev.prec.lang.engine.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A script without guest functions never loads a polyglot class; one with a guest function does. */
class LazyLoadingTest {

    /** Runs {@code script} in a child JVM with class-loading tracing; returns its output. */
    private static String run(String script) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-verbose:class", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), script))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
        return out;
    }

    @Test
    void aScriptWithoutGuestFunctionsLoadsNoPolyglotClass() throws Exception {
        String out = run("x = sqrt(16) + 1\nprint x");
        assertTrue(out.contains("dev.prec.lang.eval.Evaluator"), "the interpreter ran");
        assertTrue(out.lines().anyMatch(l -> l.equals("5")), "the script printed its result");
        assertFalse(out.contains("org.graalvm"), "no org.graalvm class was loaded");
    }

    @Test
    void aScriptWithAGuestFunctionLoadsThemOnDemand() throws Exception {
        String out = run("fn f = js \"(x) => x + 1\"\nprint f(4)");
        assertTrue(out.contains("org.graalvm.polyglot.Context"));
        assertTrue(out.lines().anyMatch(l -> l.equals("5")));
    }

    /** The child JVM's entry point. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Prec.engine(Engines.none()).eval(args[0]);
        }
    }
}
