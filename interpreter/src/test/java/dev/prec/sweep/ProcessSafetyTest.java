package dev.prec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunRecord;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance tests with real processes: SIGKILL at random moments, two processes on one
 * store, SIGTERM (what Ctrl-C does). The oracle is the table of the same sweep run once,
 * uninterrupted, in this JVM.
 */
class ProcessSafetyTest {

    /** The uninterrupted sweep's table. */
    private static List<String> reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTheSweepUninterrupted(@TempDir Path refDir) {
        try (RunStore store = RunStore.open(refDir.resolve("runs.db"))) {
            SweepReport report = new LocalExecutor(store, LocalOptions.defaults().withShutdownHandling(false))
                    .execute(new SweepRequest(TestSweeps.runs(), TestSweeps.task(null), false), SweepListener.NONE);
            assertTrue(report.complete());
            assertEquals(8, report.count(RunStatus.DONE));
            assertEquals(1, report.count(RunStatus.DIVERGED));
            assertEquals(1, report.count(RunStatus.FAILED));
            reference = TestSweeps.table(store);
        }
    }

    @Test
    void aSweepKilledSixTimesAtRandomMomentsEndsWithTheUninterruptedTable() throws Exception {
        Path db = dir.resolve("runs.db");
        Path log = dir.resolve("trainings.log");
        Random random = new Random(20241104);
        Map<String, String> ended = new HashMap<>();
        int kills = 0;
        boolean unfinishedAfterFirstKill = false;
        for (int attempt = 0; kills < 6 && attempt < 20; attempt++) {
            long logBefore = Files.exists(log) ? Files.size(log) : 0;
            Set<String> endedBefore = new HashSet<>(ended.keySet());
            ChildJvm child = new ChildJvm(db, 2, log);
            assertTrue(child.awaitReady(), () -> "child never got ready: " + child.lines);
            Thread.sleep(50 + random.nextInt(400));
            if (child.process.isAlive()) {
                child.process.toHandle().destroyForcibly(); // SIGKILL on Linux: no hook, no cleanup
                kills++;
            }
            child.await();
            try (RunStore store = RunStore.open(db)) {
                assertEquals(List.of("ok"), store.integrityCheck(), "after kill " + kills);
                Map<String, String> rows = rowsByKey(TestSweeps.table(store));
                for (Map.Entry<String, String> e : ended.entrySet()) {
                    assertEquals(e.getValue(), rows.get(e.getKey()), "an ended run changed after kill " + kills);
                }
                for (RunRecord r : store.list()) {
                    if (r.status().isFinal()) {
                        ended.put(r.key(), rows.get(r.key()));
                    }
                }
                if (kills == 1) {
                    unfinishedAfterFirstKill = ended.size() < TestSweeps.runs().size();
                }
            }
            String newLog = Files.exists(log) ? Files.readString(log).substring((int) logBefore) : "";
            for (String key : endedBefore) {
                assertTrue(!newLog.contains("start " + key), "an ended run was trained again: " + key);
            }
        }
        assertTrue(kills >= 5, "only " + kills + " kills landed while the sweep ran");
        assertTrue(unfinishedAfterFirstKill, "the first kill came after the sweep had finished");
        ChildJvm last = new ChildJvm(db, 2, log);
        assertEquals(0, last.await(), () -> "output: " + last.lines);
        try (RunStore store = RunStore.open(db)) {
            assertEquals(List.of("ok"), store.integrityCheck());
            assertSameTable(TestSweeps.table(store));
            assertTrue(store.list().stream().anyMatch(r -> r.attempts() > 1), "no run was ever interrupted");
        }
        long logSize = Files.size(log);
        ChildJvm again = new ChildJvm(db, 2, log);
        assertEquals(0, again.await(), () -> "output: " + again.lines);
        assertEquals(logSize, Files.size(log), "re-running a finished sweep trained something");
        assertTrue(again.lines.contains("sweep: 10 runs, 10 ended before, 0 to run"), () -> again.lines.toString());
        try (RunStore store = RunStore.open(db)) {
            assertSameTable(TestSweeps.table(store));
        }
    }

    @Test
    void twoProcessesOnOneStoreTrainEveryRunOnceBetweenThem() throws Exception {
        Path db = dir.resolve("runs.db");
        Path log = dir.resolve("trainings.log");
        ChildJvm a = new ChildJvm(db, 1, log);
        ChildJvm b = new ChildJvm(db, 1, log);
        assertEquals(0, a.await(), () -> "output: " + a.lines);
        assertEquals(0, b.await(), () -> "output: " + b.lines);
        List<String> starts = Files.readAllLines(log).stream().filter(l -> l.startsWith("start ")).toList();
        assertEquals(TestSweeps.runs().size(), starts.size(), () -> "trainings: " + starts);
        assertEquals(TestSweeps.runs().size(), new HashSet<>(starts).size(), () -> "trainings: " + starts);
        try (RunStore store = RunStore.open(db)) {
            assertEquals(List.of("ok"), store.integrityCheck());
            assertSameTable(TestSweeps.table(store));
        }
    }

    @Test
    void sigtermStopsCleanlyKeepingEndedRunsAndTheRunningOnesCheckpoint() throws Exception {
        Path db = dir.resolve("runs.db");
        ChildJvm child = new ChildJvm(db, 1, dir.resolve("trainings.log"));
        assertTrue(child.awaitFirstEnded(), () -> "no run ended: " + child.lines);
        // Signal while a run is past its first checkpoint, watching the store as `prec runs` would.
        try (RunStore watcher = RunStore.open(db)) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (watcher.list(RunStatus.RUNNING).stream().noneMatch(r -> r.resumeCheckpoint().isPresent())) {
                assertTrue(System.nanoTime() < deadline && child.process.isAlive(), "no run reached a checkpoint");
                Thread.sleep(10);
            }
        }
        // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook runs. Through the handle, because
        // Process.destroy also closes our end of the child's output, losing its last lines.
        child.process.toHandle().destroy();
        child.await();
        try (RunStore store = RunStore.open(db)) {
            assertTrue(child.lines.stream().anyMatch(l -> l.startsWith("stopped")), () -> child.lines.toString()
                    + store.list().stream().map(r -> r.status() + " " + r.resumeCheckpoint()).toList()
                    + " exit " + child.process.exitValue());
            assertEquals(List.of("ok"), store.integrityCheck());
            assertEquals(List.of(), store.list(RunStatus.RUNNING), "a run was left claimed");
            assertTrue(store.list(RunStatus.DONE).size() >= 1);
            assertTrue(store.list(RunStatus.FAILED).stream().allMatch(r -> r.error().orElseThrow()
                    .contains("divisible by heads")), "a stopped run was marked failed");
            assertTrue(store.list(RunStatus.PLANNED).stream().anyMatch(r -> r.resumeCheckpoint().isPresent()),
                    "the stopped run kept no checkpoint");
        }
    }

    /** Compares with the reference row by row, naming the first differing run and column. */
    private static void assertSameTable(List<String> actual) {
        assertEquals(reference.size(), actual.size(), "number of runs");
        for (int i = 0; i < reference.size(); i++) {
            String[] want = reference.get(i).split("\\|", -1);
            String[] got = actual.get(i).split("\\|", -1);
            for (int c = 0; c < Math.max(want.length, got.length); c++) {
                String w = c < want.length ? want[c] : "<none>";
                String g = c < got.length ? got[c] : "<none>";
                int at = 0;
                while (at < Math.min(w.length(), g.length()) && w.charAt(at) == g.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 40);
                assertEquals(w.substring(from, Math.min(w.length(), at + 40)),
                        g.substring(from, Math.min(g.length(), at + 40)), "run " + want[0] + ", column " + c);
            }
        }
    }

    private static Map<String, String> rowsByKey(List<String> table) {
        Map<String, String> rows = new HashMap<>();
        for (String row : table) {
            rows.put(row.substring(0, row.indexOf('|')), row);
        }
        return rows;
    }

}
