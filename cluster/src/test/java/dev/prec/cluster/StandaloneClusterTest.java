package dev.prec.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import dev.prec.sweep.SweepEvent;
import dev.prec.sweep.SweepReport;
import dev.prec.sweep.SweepRequest;
import dev.prec.sweep.TinyTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark executor on a real standalone cluster: a master and two one-core workers in child
 * JVMs on 127.0.0.1, started once for these tests and stopped after them (even on failure).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

    @TempDir
    static Path dir;

    /** The sweep both tests run. */
    private static final List<RunSpec> RUNS = TinyTraining.sweep(8);

    private static StandaloneCluster cluster;
    /** The local executor's table of {@link #RUNS}, the oracle. */
    private static List<String> local;

    @BeforeAll
    static void startCluster() throws Exception {
        Path home = Files.createDirectories(dir.resolve("cluster"));
        cluster = StandaloneCluster.start(home, 2, 1);
        local = ResultsTable.local(dir.resolve("local.db"), RUNS);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static SparkOptions options(Map<String, String> more) {
        return SparkOptions.of(cluster.url()).withSparkConf(StandaloneCluster.executorSettings()).withSparkConf(more);
    }

    @Test
    @Order(1)
    void aSweepOfEightRunsOnTwoWorkersGivesTheLocalExecutorsTableBitForBit() {
        try (RunStore store = RunStore.open(dir.resolve("standalone.db"))) {
            SweepReport report = new SparkExecutor(store, options(Map.of()))
                    .execute(new SweepRequest(RUNS, TinyTraining.task(), false), e -> { });
            assertTrue(report.complete(), cluster::logTails);
            assertEquals(8, report.trained());
            assertEquals(local, ResultsTable.of(report.runs()), cluster::logTails);
        }
    }

    @Test
    @Order(2)
    void killingAWorkerMidSweepStillEndsAllEightRunsNoneTwice() {
        WorkerKiller.arm(cluster);
        List<SweepEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (RunStore store = RunStore.open(dir.resolve("killed.db"))) {
            SweepReport report = new SparkExecutor(store, options(Map.of("spark.extraListeners",
                    WorkerKiller.class.getName()))).execute(new SweepRequest(RUNS, TinyTraining.task(), false), events::add);
            assertTrue(WorkerKiller.KILLED.get(), "a worker was killed while it ran a task; succeeded "
                    + WorkerKiller.SUCCEEDED + ", " + WorkerKiller.NOTES + "\n" + cluster.logTails());
            assertFalse(WorkerKiller.LOST.isEmpty(), "the killed worker's task was lost and run again");
            assertTrue(WorkerKiller.REMOVED.get() >= 1, "Spark saw the executor go");
            List<RunRecord> stored = store.list();
            assertEquals(8, stored.size(), "one row per run");
            for (RunRecord r : stored) {
                assertEquals(RunStatus.DONE, r.status(), r.key());
                assertEquals(1, r.attempts(), "run " + r.spec().shortKey() + " was claimed once");
            }
            assertEquals(8, report.trained());
            assertEquals(8, events.stream().filter(e -> e instanceof SweepEvent.Ended).count(), "each run ended once");
            assertEquals(local, ResultsTable.of(stored.stream().sorted(Comparator.comparing(r -> RUNS.indexOf(r.spec())))
                    .toList()), "a run retried elsewhere gives the same result");
        }
    }

    /**
     * A Spark listener (registered by class name through {@code spark.extraListeners}) that kills
     * the worker of the first task started after two runs succeeded: the middle of the sweep, with
     * a run certainly in flight on the killed worker.
     */
    public static final class WorkerKiller extends SparkListener {
        static volatile StandaloneCluster target;
        static final AtomicInteger SUCCEEDED = new AtomicInteger();
        static final AtomicBoolean KILLED = new AtomicBoolean();
        static final AtomicInteger REMOVED = new AtomicInteger();
        static final List<String> LOST = Collections.synchronizedList(new ArrayList<>());
        /** Why no worker was killed at a task start, for the failure message. */
        static final List<String> NOTES = Collections.synchronizedList(new ArrayList<>());

        static void arm(StandaloneCluster cluster) {
            target = cluster;
            SUCCEEDED.set(0);
            KILLED.set(false);
            REMOVED.set(0);
            LOST.clear();
            NOTES.clear();
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            if (SUCCEEDED.get() >= 2 && !KILLED.get()) {
                String executor = start.taskInfo().executorId();
                target.workerOf(executor).ifPresentOrElse(worker -> {
                    if (KILLED.compareAndSet(false, true)) {
                        target.kill(worker);
                    }
                }, () -> NOTES.add("no worker launched executor " + executor + ": " + target.processes()));
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo().successful()) {
                SUCCEEDED.incrementAndGet();
            } else {
                LOST.add(end.reason().toString());
            }
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
            REMOVED.incrementAndGet();
        }
    }
}
