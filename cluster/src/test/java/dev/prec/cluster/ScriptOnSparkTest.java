package dev.prec.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.cli.PrecCommand;
import dev.prec.embed.Prec;
import dev.prec.embed.PrecEngine;
import dev.prec.store.RunRecord;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script's sweep trained on Spark, chosen three ways (the command line, the script's own
 * option, the embedding API), gives the same stored results bit for bit as the same script
 * trained locally: the runs travel as their specs and are rebuilt on the executors.
 */
class ScriptOnSparkTest {

    @TempDir
    static Path dir;

    /** Four runs over two precisions (one quantized) and two seeds. */
    private static final String SCRIPT = """
            data lang = synthetic(vocab: 32, order: 1, zipf: 1.0, seed: 3)
            model tiny = transformer(layers: 1, width: 16, heads: 2, context: 16)
            sweep grid = {
              model: tiny
              tokens: [2K]
              seed: [1, 2]
              precision: [bf16, { weights: int4 per_channel, activations: fp8_e4m3 }]
            }
            runs = train grid on lang with { lr: 3e-3, batch: 4%s }
            print runs.count
            """;

    /** The local executor's table, the oracle. */
    private static List<String> local;

    private static Path script(String name, String options) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Path p = d.resolve("sweep.prec");
        Files.writeString(p, SCRIPT.formatted(options));
        return p;
    }

    /** Runs the prec command; what it prints goes to this test's output file. */
    private static void run(String... args) {
        assertEquals(0, PrecCommand.commandLine().execute(args), "prec " + String.join(" ", args));
    }

    /** The stored runs of a script, every loss bit, ordered by key. */
    private static List<String> table(Path script) {
        try (RunStore store = RunStore.open(script.getParent().resolve(".prec").resolve("runs.db"))) {
            List<RunRecord> runs = store.list().stream().sorted(Comparator.comparing(RunRecord::key)).toList();
            assertEquals(4, runs.size());
            runs.forEach(r -> assertEquals(RunStatus.DONE, r.status(), r.key()));
            return ResultsTable.of(runs);
        }
    }

    @BeforeAll
    static void trainLocally() throws Exception {
        Path p = script("local", "");
        run("run", p.toString());
        local = table(p);
    }

    @Test
    void precRunWithExecutorSparkGivesTheLocalTableBitForBit() throws Exception {
        Path p = script("cli", "");
        run("run", p.toString(), "--executor", "spark", "--master", "local[2]", "--executor-setting", "maxFailures=2");
        assertEquals(local, table(p));
    }

    @Test
    void theScriptsExecutorOptionTrainsOnSparkWithTheSameTable() throws Exception {
        Path p = script("option", ", executor: \"spark\", master: \"local[2]\"");
        run("run", p.toString());
        assertEquals(local, table(p));
    }

    @Test
    void theEmbeddingApiChoosesSparkForTheScriptsThatFollow() throws Exception {
        Path p = script("embedded", "");
        StringBuilder printed = new StringBuilder();
        PrecEngine engine = Prec.engine().onOutput(line -> printed.append(line).append('\n'))
                .executor("spark", Map.of("master", "local[2]"));
        engine.eval(p);
        assertEquals("4\n", printed.toString());
        assertEquals(local, table(p));
        assertTrue(engine.has("runs"));
    }
}
