package dev.prec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prec run --executor}: the default distribution has no Spark, so asking for it is a clear
 * usage error before anything trains; {@code local} trains as without the option. (The cluster
 * module's tests run {@code --executor spark} with the executor on the classpath.)
 */
class RunExecutorOptionTest {

    private static final String SWEEP = """
            data lang = synthetic(vocab: 32, order: 1, zipf: 1.0, seed: 3)
            model tiny = transformer(layers: 1, width: 16, heads: 2, context: 16)
            runs = train { model: tiny, tokens: [1K], seed: [1, 2] } on lang with { batch: 4 }
            print runs.count
            """;

    private static Path script(Path dir, String text) throws Exception {
        Path p = dir.resolve("sweep.prec");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void askingForSparkWithoutTheClusterJarIsAUsageErrorNamingWhatIsAvailableAndTrainsNothing(@TempDir Path dir)
            throws Exception {
        Path p = script(dir, SWEEP);
        PrecCommandTest.Result r = PrecCommandTest.prec("run", p.toString(), "--executor", "spark", "--master", "local[2]");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no sweep executor 'spark' on the classpath (available: local)"), r.err());
        assertTrue(r.err().contains("cluster/target/prec-cluster.jar"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve(".prec")), "nothing was planned or trained");
    }

    @Test
    void aScriptAskingForSparkWithoutTheClusterJarFailsWithTheSameMessage(@TempDir Path dir) throws Exception {
        Path p = script(dir, SWEEP.replace("with { batch: 4 }", "with { batch: 4, executor: \"spark\", master: \"local[2]\" }"));
        PrecCommandTest.Result r = PrecCommandTest.prec("run", p.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("no sweep executor 'spark' on the classpath"), r.err());
    }

    @Test
    void aMasterWithoutAnExecutorIsAUsageError(@TempDir Path dir) throws Exception {
        PrecCommandTest.Result r = PrecCommandTest.prec("run", script(dir, SWEEP).toString(), "--master", "local[2]");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--master and --executor-setting go with --executor"), r.err());
    }

    @Test
    void theLocalExecutorTrainsTheSweepAndRejectsSettings(@TempDir Path dir) throws Exception {
        Path p = script(dir, SWEEP);
        PrecCommandTest.Result r = PrecCommandTest.prec("run", p.toString(), "--executor", "local");
        assertEquals(0, r.code(), r.err());
        assertEquals("2\n", r.out());
        PrecCommandTest.Result bad = PrecCommandTest.prec("run", p.toString(), "--executor", "local", "--master", "x");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("the local executor takes no settings"), bad.err());
    }
}
