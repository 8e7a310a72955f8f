package dev.prec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The prec command: exit codes 0/1/2, plans, diagnostics without stack traces, --set, help, the line REPL. */
class PrecCommandTest {

    /** What one invocation printed and returned. */
    record Result(int code, String out, String err) {
    }

    static Result prec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = PrecCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static Path script(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertNoStackTrace(Result r) {
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void runPrintsWhatTheScriptPrintsAndExitsZero(@TempDir Path dir) throws Exception {
        Result r = prec("run", script(dir, "ok.prec", "x = 2 * 21\nprint x\n").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("42\n", r.out());
    }

    @Test
    void checkPrintsThePlanAndRunsNothing(@TempDir Path dir) throws Exception {
        Path p = script(dir, "plan.prec", """
                data lang = synthetic(vocab: 64)
                model m = transformer(layers: 2, width: 64, heads: 4, context: 64)
                runs = train { model: m, tokens: [1M, 2M], seed: [0, 1, 2] } on lang
                print "not printed by check"
                """);
        Result r = prec("check", p.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("6 runs to train"), r.out());
        assertTrue(r.out().contains("(model 1 x tokens 2 x seed 3)"), r.out());
        assertTrue(r.out().contains("engines: the trainer engine") && !r.out().contains("not in this build"), r.out());
        assertFalse(r.out().contains("not printed by check"), r.out());
    }

    @Test
    void checkListsTheRunsTheStoreHasAndEstimatesOnlyTheRunsStillToTrain(@TempDir Path dir) throws Exception {
        String head = """
                data lang = synthetic(vocab: 32, order: 1, zipf: 1.0, seed: 3)
                model tiny = transformer(layers: 1, width: 16, heads: 2, context: 16)
                """;
        // lr 50 diverges: the store keeps one finished and one failed run.
        Path trained = script(dir, "trained.prec", head
                + "runs = train { model: tiny, tokens: [6K], lr: [3e-3, 50] } on lang with { batch: 4 }\n");
        Result first = prec("run", trained.toString());
        assertEquals(0, first.code(), first.err());
        Path grown = script(dir, "grown.prec", head
                + "runs = train { model: tiny, tokens: [6K, 12K], lr: [3e-3, 50] } on lang with { batch: 4 }\n");
        Result r = prec("check", grown.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("plan: 1 sweep, 2 runs to train"), r.out());
        assertTrue(r.out().contains("run store: 1 finished, 1 failed"), r.out());
        assertTrue(r.out().contains("finished  ") && r.out().contains("failed    ") && r.out().contains("pending   "), r.out());
        assertTrue(r.out().contains("tokens 12000, lr 50"), r.out());
        assertTrue(r.out().contains("for the 2 runs still to train"), r.out());
        Result again = prec("check", trained.toString());
        assertTrue(again.out().contains("0 runs to train") && again.out().contains("nothing to train"), again.out());
    }

    @Test
    void threeDifferentMistakesAreAllReportedWithPositionsAndHintsAndExitOne(@TempDir Path dir) throws Exception {
        Path p = script(dir, "three.prec", """
                data lang = synthetic(vocab: 128, ordr: 2)
                model small = transformer(layers: 2, width: 64, heads: 4, context: 64)
                sweep grid = { model: smal, tokens: [1M, 2M] }
                best = optimize grid for budget 1e15
                """);
        Result r = prec("check", p.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(p + ":1:35: error: synthetic has no parameter 'ordr'"), r.err());
        assertTrue(r.err().contains("hint: did you mean 'order'?"), r.err());
        assertTrue(r.err().contains(p + ":3:23: error: unknown name 'smal'"), r.err());
        assertTrue(r.err().contains("hint: did you mean 'small'?"), r.err());
        assertTrue(r.err().contains(p + ":4:33: error: a budget needs a unit: flops or bitflops"), r.err());
        assertTrue(r.err().contains("4 errors") || r.err().contains("3 errors"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void aRuntimeFailureIsAScriptErrorWithItsPosition(@TempDir Path dir) throws Exception {
        Result r = prec("run", script(dir, "fail.prec", "print 1\nassert 1 > 2\n").toString());
        assertEquals(1, r.code());
        assertEquals("1\n", r.out());
        assertTrue(r.err().contains(":2:8: error: assertion failed: 1 > 2 is false"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void setReplacesABindingAndABadSetIsAUsageError(@TempDir Path dir) throws Exception {
        Path p = script(dir, "set.prec", "width = 64\nprint width\n");
        Result r = prec("run", p.toString(), "--set", "width=96");
        assertEquals(0, r.code(), r.err());
        assertEquals("96\n", r.out());
        Result bad = prec("run", p.toString(), "--set", "width=3 +");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--set width"), bad.err());
        Result unknown = prec("check", p.toString(), "--set", "widht=3");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("did you mean 'width'?"), unknown.err());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, prec("run").code());
        assertEquals(2, prec("run", dir.resolve("missing.prec").toString()).code());
        assertEquals(2, prec("frobnicate").code());
        assertEquals(2, prec("check", "--no-such-option", "x.prec").code());
        assertEquals(2, prec().code());
        Result missing = prec("run", dir.resolve("missing.prec").toString());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertNoStackTrace(missing);
    }

    @Test
    void versionAndHelpOnEverySubcommandExitZero() {
        Result v = prec("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("prec "), v.out());
        for (String sub : new String[] {"run", "check", "repl", "runs"}) {
            Result h = prec(sub, "--help");
            assertEquals(0, h.code(), sub);
            assertTrue(h.out().contains("Usage: prec " + sub), h.out());
        }
        assertEquals(0, prec("--help").code());
    }

    @Test
    void theLineReplKeepsNamesContinuesOpenBracketsAndSurvivesErrors() {
        InputStream original = System.in;
        String input = "x = 20\nprint x + 1\ny = lnag\nz = [1,\n 2]\nlen(z)\n:help\n";
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            Result r = prec("repl");
            assertEquals(1, r.code(), "piped, the REPL exits 1 when an input failed: " + r.err());
            assertTrue(r.out().contains("21\n"), r.out());
            assertTrue(r.out().contains("2\n"), r.out());
            assertTrue(r.err().contains("unknown name 'lnag'"), r.err());
            assertTrue(r.out().contains(":quit"), r.out());
        } finally {
            System.setIn(original);
        }
    }
}
