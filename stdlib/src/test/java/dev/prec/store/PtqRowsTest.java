package dev.prec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PTQ rows with their layers, and the migration of stores written before they had them. */
class PtqRowsTest {

    @TempDir
    Path dir;

    private static final RunSpec PARENT = RunSpec.of(Map.of("model", "tiny", "seed", 0));
    private static final RunSpec GPTQ3 = RunSpec.of(Map.of("method", "gptq", "bits", 3, "calibration", 32,
            "calibration_seed", 7));

    private static void finishParent(RunStore store) {
        store.finish(store.claim(PARENT, Owner.current(), Duration.ofMinutes(1)).orElseThrow(),
                new RunResult(2.0, List.of(), List.of(), 0, 0, "test", List.of()));
    }

    private static PtqResult full(double after, List<PtqResult.Layer> layers) {
        return new PtqResult(PARENT.key(), GPTQ3, new PtqResult.Losses(2.0, after), layers,
                Optional.of(new PtqResult.Calibration(32, 7)), Optional.of("/tmp/q.safetensors"), 1.5);
    }

    @Test
    void aFullResultReadsBackWithItsLayersDeltaAndTheLargestDampening() {
        List<PtqResult.Layer> layers = List.of(new PtqResult.Layer("blocks.0.attn.qkv.weight", 0.25, 0.01, 0.01),
                new PtqResult.Layer("blocks.0.attn.proj.weight", Math.PI, Double.NaN, 0.1));
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            finishParent(store);
            store.putPtq(full(2.5, layers));
        }
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            PtqResult r = store.ptqResult(PARENT.key(), GPTQ3).orElseThrow();
            assertEquals(full(2.5, layers), r);
            assertEquals(0.5, r.losses().delta());
            assertEquals(0.1, r.damp());
            assertEquals(List.of(r), store.ptqResults(PARENT.key()));
        }
    }

    @Test
    void replacingAResultReplacesItsLayersAndDeletingTheRunDeletesBoth() throws Exception {
        Path file = dir.resolve("runs.db");
        try (RunStore store = RunStore.open(file)) {
            finishParent(store);
            store.putPtq(full(2.5, List.of(new PtqResult.Layer("a", 1, 0.1, 0.01),
                    new PtqResult.Layer("b", 2, 0.2, 0.01))));
            store.putPtq(full(2.4, List.of(new PtqResult.Layer("c", 3, 0.3, 0.01))));
            PtqResult r = store.ptqResult(PARENT.key(), GPTQ3).orElseThrow();
            assertEquals(2.4, r.valLoss());
            assertEquals(List.of("c"), r.layers().stream().map(PtqResult.Layer::name).toList());
            assertTrue(store.delete(PARENT.key()));
        }
        assertEquals(0, count(file, "ptq_layers"));
        assertEquals(0, count(file, "ptq_results"));
    }

    @Test
    void aVersionTwoStoreMigratesKeepingItsPtqRowsAndTakesTheirCalibrationFromTheSpec() throws Exception {
        Path file = dir.resolve("runs.db");
        RunSpec rtn = RunSpec.of(Map.of("method", "rtn", "bits", 4));
        try (RunStore old = RunStore.openAtVersion(file, 2)) {
            assertEquals(2, old.schemaVersion());
            finishParent(old);
        }
        // What a version-2 prec wrote: the post loss and wall time only.
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var ps = c.prepareStatement("INSERT INTO ptq_results (parent_key, ptq_key, spec, val_loss,"
                        + " wall_seconds, created_at) VALUES (?, ?, ?, ?, 1, 0)")) {
            for (var row : List.of(Map.entry(GPTQ3, 2.75), Map.entry(rtn, 3.25))) {
                ps.setString(1, PARENT.key());
                ps.setString(2, row.getKey().key());
                ps.setString(3, row.getKey().json());
                ps.setDouble(4, row.getValue());
                ps.executeUpdate();
            }
        }
        try (RunStore store = RunStore.open(file)) {
            assertEquals(Schema.CURRENT, store.schemaVersion());
            List<PtqResult> rows = store.ptqResults(PARENT.key());
            assertEquals(List.of(GPTQ3, rtn), rows.stream().map(PtqResult::spec).toList());
            PtqResult g = rows.getFirst();
            assertEquals(2.75, g.valLoss());
            assertTrue(Double.isNaN(g.losses().before()) && Double.isNaN(g.losses().delta()), "never measured");
            assertEquals(Optional.of(new PtqResult.Calibration(32, 7)), g.calibration());
            assertEquals(List.of(), g.layers());
            assertEquals(Optional.empty(), g.checkpoint());
            assertEquals(Optional.empty(), rows.get(1).calibration(), "the rtn spec names no calibration");
            assertEquals(List.of("ok"), store.integrityCheck());
            store.putPtq(full(2.5, List.of(new PtqResult.Layer("a", 1, 0.1, 0.01))));
            assertEquals(2.0, store.ptqResult(PARENT.key(), GPTQ3).orElseThrow().losses().before());
        }
    }

    private static long count(Path file, String table) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
