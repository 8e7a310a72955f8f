package dev.prec.lang.bind.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prec.embed.Prec;
import dev.prec.embed.PrecEngine;
import dev.prec.store.RunRecord;
import dev.prec.store.RunResult;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script's sweep sent to another machine travels as run specs and a data description and is
 * rebuilt there ({@link SpecResolver}, {@link SpecTraining}): trained from a serialized copy of
 * its task, every precision form a script can write gives the local results bit for bit.
 */
class ShippedSweepTest {

    /** Presets, a generic minifloat, integers, per-group, per-token, per-channel, stochastic, a post part. */
    private static final String SCRIPT = """
            data lang = synthetic(vocab: 32, order: 1, zipf: 1.0, seed: 3)
            model tiny = transformer(layers: 1, width: 16, heads: 2, context: 16)
            format e3m2 = fp(e3, m2)
            precision a = {
              weights: int(4) per_group(8) stochastic
              activations: fp8_e4m3 per_token nearest
              kv: int(8) per_channel
              post: bf16
            }
            precision b = { weights: e3m2, activations: int(6) }
            sweep grid = { model: tiny, tokens: [1K], seed: [1, 2], precision: [a, b, bf16] }
            runs = train grid on lang with { batch: 4, lr: 1e-2 }
            print runs.count
            """;

    private static List<RunRecord> train(Path dir, String executor) throws Exception {
        Files.createDirectories(dir);
        Path script = dir.resolve("sweep.prec");
        Files.writeString(script, SCRIPT);
        StringBuilder printed = new StringBuilder();
        PrecEngine engine = Prec.engine().onOutput(line -> printed.append(line).append('\n'))
                .executor(executor, Map.of());
        engine.eval(script);
        assertEquals("6\n", printed.toString());
        try (RunStore store = RunStore.open(dir.resolve(".prec").resolve("runs.db"))) {
            return store.list().stream().sorted(Comparator.comparing(RunRecord::key)).toList();
        }
    }

    @Test
    void aSweepTrainedFromASerializedCopyOfItsTaskGivesTheLocalResultsBitForBit(@TempDir Path dir) throws Exception {
        int shipped = SerializingExecutorProvider.SHIPPED.get();
        List<RunRecord> local = train(dir.resolve("local"), "local");
        List<RunRecord> remote = train(dir.resolve("remote"), "serializing");
        assertEquals(shipped + 1, SerializingExecutorProvider.SHIPPED.get(), "the sweep went through serialization");
        assertEquals(6, remote.size());
        for (int i = 0; i < local.size(); i++) {
            RunRecord l = local.get(i);
            RunRecord r = remote.get(i);
            assertEquals(l.spec(), r.spec());
            assertEquals(RunStatus.DONE, r.status(), r.error().orElse(""));
            RunResult x = l.result().orElseThrow();
            RunResult y = r.result().orElseThrow();
            assertEquals(Double.doubleToRawLongBits(x.finalValLoss()), Double.doubleToRawLongBits(y.finalValLoss()), l.key());
            assertEquals(x.validation(), y.validation(), l.key());
            assertEquals(x.training(), y.training(), l.key());
        }
    }
}
