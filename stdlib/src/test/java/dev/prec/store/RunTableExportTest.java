package dev.prec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTableExportTest {

    @TempDir
    Path dir;

    @Test
    void csvHasOneColumnPerSpecFieldAndQuotesCellsWithCommas() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            RunSpec a = RunSpec.of(Map.of("model", Map.of("width", 64), "seed", 0));
            RunSpec b = RunSpec.of(Map.of("precision", "int4", "seed", 1));
            store.finish(store.claim(a, Owner.current(), Duration.ofMinutes(1)).orElseThrow(),
                    new RunResult(0.1 + 0.2, List.of(), List.of(), 1000, 2.5, "m", List.of()));
            store.fail(store.claim(b, Owner.current(), Duration.ofMinutes(1)).orElseThrow(), "bad, \"very\"");
            String csv = RunTableExport.csv(store.list());
            assertEquals(String.join("\r\n",
                    "key,status,model,precision,seed,final_val_loss,tokens_per_second,wall_seconds,diverged_step,error,machine",
                    a.key() + ",done,\"{\"\"width\"\":64}\",,0,0.30000000000000004,1000,2.5,,,m",
                    b.key() + ",failed,,int4,1,,,,,\"bad, \"\"very\"\"\",") + "\r\n", csv);
        }
    }

    @Test
    void jsonExportReadsBackWithCurvesBitForBit() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            RunSpec a = RunSpec.of(Map.of("seed", 0));
            RunResult result = new RunResult(Math.E, List.of(new CurvePoint(5, 50, 1.0 / 3)),
                    List.of(new CurvePoint(1, 10, Double.POSITIVE_INFINITY)), 10, 1, "m", List.of("c1"));
            store.finish(store.claim(a, Owner.current(), Duration.ofMinutes(1)).orElseThrow(), result);
            List<?> rows = (List<?>) CanonicalJson.read(RunTableExport.json(store.list()));
            Map<?, ?> row = (Map<?, ?>) rows.getFirst();
            assertEquals(Math.E, row.get("final_val_loss"));
            assertEquals(Map.of("step", 5L, "tokens", 50L, "loss", 1.0 / 3), ((List<?>) row.get("validation")).getFirst());
            assertEquals("Infinity", ((Map<?, ?>) ((List<?>) row.get("training")).getFirst()).get("loss"));
            assertEquals(Map.of("seed", 0L), row.get("spec"));
        }
    }
}
