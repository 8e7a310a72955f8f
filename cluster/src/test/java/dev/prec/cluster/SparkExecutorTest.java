package dev.prec.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import dev.prec.sweep.RunContext;
import dev.prec.sweep.RunOutcome;
import dev.prec.sweep.RunTask;
import dev.prec.sweep.SweepEvent;
import dev.prec.sweep.SweepListener;
import dev.prec.sweep.SweepReport;
import dev.prec.sweep.SweepRequest;
import dev.prec.sweep.TinyTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkExecutorTest {

    @TempDir
    Path dir;

    /** Attempts per run key, counted across task deserializations (local mode shares this JVM). */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    /**
     * Both executors train each run with one thread (LocalExecutor: as many runs as cores). The
     * local sweep runs before and after the Spark one, cold and with the kernels JIT-compiled: a
     * result that depended on when C2 compiled a kernel would make the three tables differ.
     */
    @Test
    void aLocalModeSweepOfEightRunsGivesTheLocalExecutorsTableBitForBit() throws Exception {
        List<RunSpec> runs = TinyTraining.sweep(8);
        List<String> cold = ResultsTable.local(dir.resolve("warmup.db"), runs);
        List<String> spark;
        try (RunStore store = RunStore.open(dir.resolve("spark.db"))) {
            List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
            SweepReport report = new SparkExecutor(store, SparkOptions.of("local[2]"))
                    .execute(new SweepRequest(runs, TinyTraining.task(), false), events::add);
            assertEquals(8, report.trained());
            spark = ResultsTable.of(report.runs());
            assertEquals(spark, ResultsTable.of(store.list().stream()
                    .sorted(java.util.Comparator.comparing(r -> runs.indexOf(r.spec()))).toList()));
            assertEquals(8, events.stream().filter(e -> e instanceof SweepEvent.Ended).count());
            for (RunRecord r : report.runs()) {
                Path checkpoint = Path.of(r.result().orElseThrow().checkpoints().getFirst());
                assertTrue(checkpoint.startsWith(store.checkpointDirectory(r.key())), checkpoint.toString());
                assertTrue(Files.size(checkpoint) > 0, "the shipped checkpoint was written on the driver");
            }
        }
        List<String> warm = ResultsTable.local(dir.resolve("local.db"), runs);
        assertEquals(cold, warm, "the local executor is reproducible in this JVM");
        assertEquals(warm, spark);
    }

    @Test
    void aTaskThatAlwaysThrowsIsRetriedThenMarkedFailedWhileTheOthersComplete() {
        List<RunSpec> runs = TinyTraining.sweep(4);
        String bad = runs.get(1).key();
        String flaky = runs.get(2).key();
        ATTEMPTS.clear();
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            SweepReport report = new SparkExecutor(store, SparkOptions.of("local[2]").withMaxFailures(3))
                    .execute(new SweepRequest(runs, new Throwing(bad, flaky), false), SweepListener.NONE);
            assertEquals(3, ATTEMPTS.get(bad).get(), "Spark tried the failing run maxFailures times");
            assertEquals(2, ATTEMPTS.get(flaky).get(), "the flaky run failed once, then succeeded");
            assertEquals(1, ATTEMPTS.get(runs.get(0).key()).get());
            RunRecord failed = store.get(bad).orElseThrow();
            assertEquals(RunStatus.FAILED, failed.status());
            assertTrue(failed.error().orElseThrow().contains("injected failure of " + runs.get(1).shortKey()),
                    failed.error().toString());
            assertEquals(3, report.count(RunStatus.DONE));
            assertEquals(4, report.trained());
            assertEquals(4, store.list().size(), "one row per run whatever its attempts");
        }
    }

    @Test
    void aRestartedDriverSkipsEndedRunsAndTrainsOnlyTheRest() {
        List<RunSpec> runs = TinyTraining.sweep(3);
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            SparkExecutor executor = new SparkExecutor(store, SparkOptions.of("local[2]"));
            executor.execute(new SweepRequest(runs.subList(0, 2), TinyTraining.task(), false), SweepListener.NONE);
            List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
            ATTEMPTS.clear();
            SweepReport report = executor.execute(new SweepRequest(runs, new Throwing("none", "none"), false),
                    events::add);
            assertEquals(new SweepEvent.Planned(3, 2), events.getFirst());
            assertEquals(1, report.trained());
            assertEquals(3, report.count(RunStatus.DONE));
            assertEquals(List.of(runs.get(2).key()), List.copyOf(ATTEMPTS.keySet()));
            assertFalse(report.cancelled());
        }
    }

    /** Trains tiny runs; throws on every attempt of one run and on the first attempt of another. */
    record Throwing(String alwaysKey, String onceKey) implements RunTask {
        @Override
        public RunOutcome run(RunContext context) throws Exception {
            String key = context.spec().key();
            int attempt = ATTEMPTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (key.equals(alwaysKey) || (key.equals(onceKey) && attempt == 1)) {
                throw new IllegalStateException("injected failure of " + context.spec().shortKey());
            }
            return TinyTraining.task().run(context);
        }
    }
}
