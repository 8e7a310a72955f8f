package dev.prec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    static RunSpec spec(int seed) {
        return RunSpec.of(Map.of("model", "tiny", "seed", seed, "trainer", "test-1"));
    }

    static RunResult result(double loss) {
        return new RunResult(loss, List.of(new CurvePoint(10, 640, loss + 0.5), new CurvePoint(20, 1280, loss)),
                List.of(new CurvePoint(0, 0, 5.545177444479562), new CurvePoint(1, 64, Math.PI),
                        new CurvePoint(2, 128, Double.NaN), new CurvePoint(3, 192, Double.NEGATIVE_INFINITY)),
                12345.678, 1.25, "test machine", List.of("/tmp/a.safetensors", "/tmp/b.safetensors"));
    }

    @Test
    void aFinishedRunReadsBackBitForBitAfterReopening() {
        Path file = dir.resolve("runs.db");
        RunResult result = result(Math.nextUp(2.0));
        try (RunStore store = RunStore.open(file)) {
            Claim claim = store.claim(spec(1), Owner.current(), LEASE).orElseThrow();
            store.finish(claim, result);
        }
        try (RunStore store = RunStore.open(file)) {
            RunRecord r = store.get(spec(1).key()).orElseThrow();
            assertEquals(RunStatus.DONE, r.status());
            assertEquals(result, r.result().orElseThrow());
            assertEquals(Double.doubleToRawLongBits(Math.nextUp(2.0)),
                    Double.doubleToRawLongBits(r.result().orElseThrow().finalValLoss()));
            assertEquals(1, r.attempts());
            assertEquals(List.of("ok"), store.integrityCheck());
        }
    }

    @Test
    void theStoreIsInWalModeAtTheCurrentSchemaVersion() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            assertEquals(Schema.CURRENT, store.schemaVersion());
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
                var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void aRunIsClaimedOnceUntilItIsReleased() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            Owner other = Owner.current().withNewToken();
            Claim claim = store.claim(spec(2), Owner.current(), LEASE).orElseThrow();
            assertEquals(Optional.empty(), store.claim(spec(2), other, LEASE));
            store.recordCheckpoint(claim, "/ckpt/step-10");
            store.release(claim);
            Claim again = store.claim(spec(2), other, LEASE).orElseThrow();
            assertEquals(Optional.of("/ckpt/step-10"), again.resumeCheckpoint());
            store.finish(again, result(3.0));
            assertEquals(Optional.empty(), store.claim(spec(2), Owner.current(), LEASE));
        }
    }

    @Test
    void writesUnderALostClaimAreRefused() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            Claim stale = store.claim(spec(3), Owner.current(), Duration.ofMillis(1)).orElseThrow();
            Thread.sleep(5);
            Claim fresh = store.claim(spec(3), Owner.current().withNewToken(), LEASE).orElseThrow();
            StoreException e = assertThrows(StoreException.class, () -> store.finish(stale, result(1.0)));
            assertTrue(e.getMessage().contains("lost the claim"), e.getMessage());
            store.finish(fresh, result(2.0));
            assertEquals(2.0, store.get(spec(3).key()).orElseThrow().result().orElseThrow().finalValLoss());
        }
    }

    @Test
    void aRunHeldByAnExitedProcessOnThisHostIsReclaimedAtOnce() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Owner dead = new Owner("dead-owner", Owner.current().host(), exited.pid());
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            store.claim(spec(4), dead, LEASE).orElseThrow();
            Owner alive = new Owner("alive-owner", Owner.current().host(), ProcessHandle.current().pid());
            store.claim(spec(5), alive, LEASE).orElseThrow();
            assertTrue(store.claim(spec(4), Owner.current(), LEASE).isPresent(), "dead owner's run");
            assertFalse(store.claim(spec(5), Owner.current(), LEASE).isPresent(), "live owner's run");
            assertEquals(2, store.get(spec(4).key()).orElseThrow().attempts());
        }
    }

    @Test
    void failedAndDivergedRunsKeepTheirErrorUntilRetried() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            store.fail(store.claim(spec(6), Owner.current(), LEASE).orElseThrow(), "out of memory");
            store.diverge(store.claim(spec(7), Owner.current(), LEASE).orElseThrow(), result(Double.NaN), 3,
                    "loss became NaN at step 3");
            assertEquals(Optional.empty(), store.claim(spec(6), Owner.current(), LEASE));
            RunRecord diverged = store.get(spec(7).key()).orElseThrow();
            assertEquals(RunStatus.DIVERGED, diverged.status());
            assertEquals(3, diverged.divergedStep().getAsLong());
            assertTrue(Double.isNaN(diverged.result().orElseThrow().finalValLoss()));
            assertEquals(Optional.of("out of memory"), store.get(spec(6).key()).orElseThrow().error());
            assertTrue(store.retry(spec(6).key()));
            assertFalse(store.retry(spec(6).key()), "a planned run is not retried");
            RunRecord planned = store.get(spec(6).key()).orElseThrow();
            assertEquals(RunStatus.PLANNED, planned.status());
            assertEquals(Optional.empty(), planned.error());
        }
    }

    @Test
    void deletingARunDeletesItsPtqResultsAndRunningRunsAreNotDeleted() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            store.finish(store.claim(spec(8), Owner.current(), LEASE).orElseThrow(), result(2.0));
            RunSpec int4 = RunSpec.of(Map.of("method", "rtn", "bits", 4));
            RunSpec int3 = RunSpec.of(Map.of("method", "rtn", "bits", 3));
            store.putPtq(new PtqResult(spec(8).key(), int4, 2.1, 0.5));
            store.putPtq(new PtqResult(spec(8).key(), int3, Double.NaN, 0.5));
            store.putPtq(new PtqResult(spec(8).key(), int4, 2.2, 0.6));
            List<PtqResult> ptq = store.ptqResults(spec(8).key());
            assertEquals(2, ptq.size());
            assertEquals(List.of(int3, int4), ptq.stream().map(PtqResult::spec).toList());
            assertEquals(2.2, ptq.get(1).valLoss());
            assertTrue(Double.isNaN(ptq.get(0).valLoss()));
            store.claim(spec(9), Owner.current(), LEASE).orElseThrow();
            assertThrows(StoreException.class, () -> store.delete(spec(9).key()));
            assertTrue(store.delete(spec(8).key()));
            assertEquals(List.of(), store.ptqResults(spec(8).key()));
            assertEquals(List.of(spec(9).key()), store.list().stream().map(RunRecord::key).toList());
        }
    }

    @Test
    void keyPrefixesFindRunsAndLikeWildcardsAreLiteral() {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            store.plan(List.of(spec(10), spec(11)));
            String key = spec(10).key();
            assertEquals(List.of(key), store.findByPrefix(key.substring(0, 10)).stream().map(RunRecord::key).toList());
            assertEquals(List.of(), store.findByPrefix("%"));
            assertEquals(2, store.list(RunStatus.PLANNED).size());
        }
    }

    @Test
    void anOlderSchemaIsMigratedKeepingItsRuns() {
        Path file = dir.resolve("runs.db");
        try (RunStore old = RunStore.openAtVersion(file, 1)) {
            assertEquals(1, old.schemaVersion());
            old.plan(List.of(spec(12)));
        }
        try (RunStore store = RunStore.open(file)) {
            assertEquals(Schema.CURRENT, store.schemaVersion());
            assertEquals(RunStatus.PLANNED, store.get(spec(12).key()).orElseThrow().status());
        }
    }
}
