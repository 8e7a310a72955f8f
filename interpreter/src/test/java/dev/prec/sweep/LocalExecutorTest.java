package dev.prec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {

    @TempDir
    Path dir;

    private static LocalOptions options(int parallel) {
        return LocalOptions.defaults().withParallelRuns(parallel).withShutdownHandling(false);
    }

    private static List<RunSpec> small() {
        return List.of(RunSpec.of(GradientJob.spec(1, 0.1, 150)), RunSpec.of(GradientJob.spec(2, 0.1, 0)),
                RunSpec.of(GradientJob.spec(3, 0.1, 150)), RunSpec.of(GradientJob.spec(4, 3.0, 150)));
    }

    @Test
    void reRunningAFinishedSweepTrainsNothingAndReturnsTheSameTable() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            LocalExecutor executor = new LocalExecutor(store, options(1));
            SweepReport first = executor.execute(new SweepRequest(small(), new GradientJob(null), false),
                    SweepListener.NONE);
            List<String> table = TestSweeps.table(store);
            List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
            SweepReport second = executor.execute(new SweepRequest(small(), context -> {
                throw new AssertionError("trained again");
            }, false), events::add);
            assertEquals(4, first.trained());
            assertEquals(0, second.trained());
            assertEquals(first.runs(), second.runs());
            assertEquals(table, TestSweeps.table(store));
            assertEquals(new SweepEvent.Planned(4, 4), events.getFirst());
            assertEquals(4, events.stream().filter(e -> e instanceof SweepEvent.Skipped).count());
        }
    }

    @Test
    void failuresAndDivergencesAreReportedAsTheyHappenAndKeptWithTheirError() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
            SweepReport report = new LocalExecutor(store, options(1))
                    .execute(new SweepRequest(small(), new GradientJob(null), false), events::add);
            List<String> order = events.stream().map(e -> switch (e) {
                case SweepEvent.Started s -> "start " + s.spec().fields().get("seed");
                case SweepEvent.Ended x -> x.run().status().label() + " " + x.run().spec().fields().get("seed");
                default -> "";
            }).filter(s -> !s.isEmpty()).toList();
            assertEquals(List.of("start 1", "done 1", "start 2", "failed 2", "start 3", "done 3", "start 4",
                    "diverged 4"), order);
            RunRecord failed = report.runs().get(1);
            assertTrue(failed.error().orElseThrow().contains("steps must be >= 1"), failed.error().toString());
            RunRecord diverged = report.runs().get(3);
            assertTrue(diverged.divergedStep().getAsLong() < 150);
            assertEquals(diverged.divergedStep().getAsLong(), diverged.result().orElseThrow().training().size());
        }
    }

    @Test
    void failedRunsAreRetriedOnlyWhenAsked() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            LocalExecutor executor = new LocalExecutor(store, options(1));
            AtomicInteger calls = new AtomicInteger();
            RunTask flaky = context -> calls.incrementAndGet() == 1 ? new RunOutcome.Failed("transient")
                    : new GradientJob(null).run(context);
            List<RunSpec> one = List.of(RunSpec.of(GradientJob.spec(1, 0.1, 50)));
            assertEquals(RunStatus.FAILED, executor.execute(new SweepRequest(one, flaky, false), SweepListener.NONE)
                    .runs().getFirst().status());
            assertEquals(RunStatus.FAILED, executor.execute(new SweepRequest(one, flaky, false), SweepListener.NONE)
                    .runs().getFirst().status());
            assertEquals(1, calls.get());
            RunRecord retried = executor.execute(new SweepRequest(one, flaky, true), SweepListener.NONE)
                    .runs().getFirst();
            assertEquals(RunStatus.DONE, retried.status());
            assertFalse(retried.error().isPresent());
        }
    }

    @Test
    void aCancelledRunResumesFromItsCheckpointToTheSameResult() {
        List<RunSpec> one = List.of(RunSpec.of(GradientJob.spec(9, 0.1, 450)));
        List<String> uninterrupted;
        try (RunStore store = RunStore.open(dir.resolve("a").resolve("runs.db"))) {
            new LocalExecutor(store, options(1)).execute(new SweepRequest(one, new GradientJob(null), false),
                    SweepListener.NONE);
            uninterrupted = TestSweeps.table(store);
        }
        try (RunStore store = RunStore.open(dir.resolve("b").resolve("runs.db"))) {
            LocalExecutor executor = new LocalExecutor(store, options(1));
            List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
            SweepReport stopped = executor.execute(new SweepRequest(one, new GradientJob(null), false), e -> {
                events.add(e);
                if (e instanceof SweepEvent.Progressed p && p.progress().tokens() >= 250L * GradientJob.SAMPLES) {
                    executor.cancel();
                }
            });
            assertTrue(stopped.cancelled());
            RunRecord planned = stopped.runs().getFirst();
            assertEquals(RunStatus.PLANNED, planned.status());
            assertTrue(planned.resumeCheckpoint().orElseThrow().endsWith("step-000200.ckpt"));
            assertTrue(events.stream().anyMatch(e -> e instanceof SweepEvent.Interrupted));
            events.clear();
            SweepReport resumed = executor.execute(new SweepRequest(one, new GradientJob(null), false), events::add);
            assertTrue(events.contains(new SweepEvent.Started(one.getFirst(), true)));
            assertEquals(RunStatus.DONE, resumed.runs().getFirst().status());
            assertEquals(uninterrupted, TestSweeps.table(store));
        }
    }

    @Test
    void parallelRunsGiveTheSameTableAsOneAtATime() {
        List<String> sequential;
        try (RunStore store = RunStore.open(dir.resolve("a").resolve("runs.db"))) {
            new LocalExecutor(store, options(1)).execute(new SweepRequest(small(), new GradientJob(null), false),
                    SweepListener.NONE);
            sequential = TestSweeps.table(store);
        }
        try (RunStore store = RunStore.open(dir.resolve("b").resolve("runs.db"))) {
            SweepReport report = new LocalExecutor(store, options(3))
                    .execute(new SweepRequest(small(), new GradientJob(null), false), SweepListener.NONE);
            assertTrue(report.complete());
            assertEquals(sequential, TestSweeps.table(store));
        }
    }
}
