package dev.prec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor driving the real trainer: tiny runs, cancelled and resumed, diverged. */
class TrainerTaskTest {

    @TempDir
    Path dir;

    private static LocalOptions options() {
        return LocalOptions.defaults().withShutdownHandling(false);
    }

    @Test
    void aCancelledTrainingRunResumesFromItsSafetensorsCheckpointToTheSameCurve() {
        List<RunSpec> one = List.of(TinyTraining.spec(1, 3e-3, 150L * 4 * 16));
        List<String> uninterrupted;
        try (RunStore store = RunStore.open(dir.resolve("a").resolve("runs.db"))) {
            SweepReport r = new LocalExecutor(store, options())
                    .execute(new SweepRequest(one, TinyTraining.task(), false), SweepListener.NONE);
            assertEquals(RunStatus.DONE, r.runs().getFirst().status(), r.runs().toString());
            uninterrupted = TestSweeps.table(store);
        }
        try (RunStore store = RunStore.open(dir.resolve("b").resolve("runs.db"))) {
            LocalExecutor executor = new LocalExecutor(store, options());
            List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
            SweepReport stopped = executor.execute(new SweepRequest(one, TinyTraining.task(), false), e -> {
                if (e instanceof SweepEvent.Progressed p && p.progress().tokens() >= 90L * 4 * 16) {
                    executor.cancel();
                }
            });
            RunRecord planned = stopped.runs().getFirst();
            assertEquals(RunStatus.PLANNED, planned.status());
            assertTrue(planned.resumeCheckpoint().orElseThrow().endsWith(".safetensors"), planned.toString());
            executor.execute(new SweepRequest(one, TinyTraining.task(), false), events::add);
            assertTrue(events.contains(new SweepEvent.Started(one.getFirst(), true)), events.toString());
            assertEquals(uninterrupted, TestSweeps.table(store));
        }
    }

    @Test
    void aDivergingTrainingRunIsKeptAsDivergedWithItsStep() {
        List<RunSpec> one = List.of(TinyTraining.spec(2, 50.0, 100L * 4 * 16));
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            RunRecord r = new LocalExecutor(store, options())
                    .execute(new SweepRequest(one, TinyTraining.task(), false), SweepListener.NONE).runs().getFirst();
            assertEquals(RunStatus.DIVERGED, r.status(), r.toString());
            assertTrue(r.divergedStep().getAsLong() < 100);
            assertTrue(r.error().orElseThrow().contains("step " + r.divergedStep().getAsLong()));
        }
    }
}
