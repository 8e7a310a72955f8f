package dev.prec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise through the real launcher: {@code bin/prec} from the built distribution
 * (repl/target/prec.jar, made in the package phase before this module's tests in {@code mvnw verify}).
 */
class BinPrecTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path BIN = ROOT.resolve("bin/prec");

    /** Exit code, standard output and standard error of one run of bin/prec. */
    record Run(int code, String out, String err) {
    }

    private static Run binPrec(String... args) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(ROOT.resolve("repl/target/prec.jar")),
                "repl/target/prec.jar is not built; `./mvnw verify` builds it before this test");
        List<String> command = new ArrayList<>(List.of("bash", BIN.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "bin/prec did not finish");
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void theReadmesQuickStartRuns() throws Exception {
        Run r = binPrec("run", "examples/quickstart.prec");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("runs: 20"), r.out());
    }

    @Test
    void theGuestFunctionExampleRunsWithoutJvmWarningsOnStandardError() throws Exception {
        Run r = binPrec("run", "examples/guest-cost.prec");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("7.0")), "guest.bits: " + r.out());
        // The JDK names incubator modules on every start (no flag turns that off); anything else is a warning
        // the launcher's flags should have prevented, such as Truffle's sun.misc.Unsafe deprecation notice.
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("WARNING"))
                .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector")).toList();
        assertEquals(List.of(), warnings, r.err());
        assertFalse(r.err().contains("sun.misc.Unsafe"), r.err());
    }

    @Test
    void checkOnEveryExamplePrintsThePlan() throws Exception {
        for (String example : new String[] {"quickstart.prec", "precision-sweep.prec", "own-law.prec"}) {
            Run r = binPrec("check", "examples/" + example);
            assertEquals(0, r.code(), example + ": " + r.err());
            assertTrue(r.out().contains("plan: "), r.out());
        }
    }

    @Test
    void checkReportsThreeMistakesWithPositionsAndHintsExitsOneAndShowsNoStackTrace(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("three.prec");
        Files.writeString(script, """
                data lang = synthetic(vocab: 128, ordr: 2)
                model small = transformer(layers: 2, width: 64, heads: 4, context: 64)
                sweep grid = { model: smal, tokens: [1M, 2M] }
                runs = train grid on lang with { lr: 1e-3, bach: 32 }
                """);
        Run r = binPrec("check", script.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(":1:35: error: synthetic has no parameter 'ordr'"), r.err());
        assertTrue(r.err().contains(":3:23: error: unknown name 'smal'"), r.err());
        assertTrue(r.err().contains(":4:44: error: train has no option 'bach'"), r.err());
        for (String hint : new String[] {"'order'", "'small'", "'batch'"}) {
            assertTrue(r.err().contains("hint: did you mean " + hint + "?"), r.err());
        }
        assertTrue(r.err().contains("3 errors"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
}
