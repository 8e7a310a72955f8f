package dev.prec.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.Owner;
import dev.prec.store.PtqResult;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL's {@code :runs} lists each run's post-training quantizations under it. */
class ReplRunsPtqTest {

    @Test
    void runsListsPtqResultsIndentedUnderTheirRunWithTheirDelta(@TempDir Path dir) throws Exception {
        RunSpec run = RunSpec.of(Map.of("model", "tiny", "seed", 0));
        RunSpec int3 = RunSpec.of(Map.of("method", "gptq", "bits", 3));
        try (RunStore store = RunStore.open(dir.resolve(".prec").resolve("runs.db"))) {
            store.finish(store.claim(run, Owner.current(), Duration.ofMinutes(1)).orElseThrow(),
                    new RunResult(3.0, List.of(), List.of(), 0, 0, "test", List.of()));
            store.putPtq(new PtqResult(run.key(), int3, new PtqResult.Losses(3.0, 3.125), List.of(), Optional.empty(),
                    Optional.empty(), 1));
        }
        PipedReplTest.Transcript t = PipedReplTest.pipe(":runs\n", dir);
        assertTrue(t.ok(), t.err());
        List<String> lines = t.out().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(run.shortKey())).findFirst().orElseThrow());
        String ptq = lines.get(at + 1);
        assertTrue(ptq.startsWith("  ptq " + int3.shortKey()) && ptq.contains("3.12500") && ptq.contains("delta 0.125"),
                t.out());
    }
}
