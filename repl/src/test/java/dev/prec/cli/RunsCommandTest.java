package dev.prec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.CanonicalJson;
import dev.prec.store.CurvePoint;
import dev.prec.store.Owner;
import dev.prec.store.PtqResult;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunsCommandTest {

    @TempDir
    Path dir;

    private Path db;
    private final RunSpec done = RunSpec.of(Map.of("model", Map.of("width", 64), "precision", "int4", "seed", 0));
    private final RunSpec failed = RunSpec.of(Map.of("model", Map.of("width", 32), "precision", "bf16", "seed", 0));
    private final RunSpec planned = RunSpec.of(Map.of("model", Map.of("width", 32), "precision", "int4", "seed", 1));
    private String out;
    private String err;

    @BeforeEach
    void fillStore() {
        db = dir.resolve(".prec").resolve("runs.db");
        try (RunStore store = RunStore.open(db)) {
            store.finish(store.claim(done, Owner.current(), Duration.ofMinutes(1)).orElseThrow(),
                    new RunResult(0.1 + 0.2, List.of(new CurvePoint(100, 6400, 3.5)), List.of(), 2000, 12.5,
                            "test machine", List.of("/ckpt/final.safetensors")));
            store.fail(store.claim(failed, Owner.current(), Duration.ofMinutes(1)).orElseThrow(), "out of memory");
            store.plan(List.of(planned));
            store.putPtq(new PtqResult(done.key(), RunSpec.of(Map.of("method", "gptq", "bits", 3)), 3.75, 1));
        }
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = new CommandLine(new RunsCommand()).setOut(new PrintWriter(o)).setErr(new PrintWriter(e))
                .execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void listShowsEveryRunAndFiltersByStatusAndSpecField() {
        assertEquals(0, run("--store", db.toString(), "list"));
        assertEquals(4, out.lines().count(), out);
        assertEquals(0, run("--store", db.toString(), "list", "--status", "failed"));
        assertEquals(2, out.lines().count(), out);
        assertTrue(out.contains(failed.shortKey() + "  failed"), out);
        assertEquals(0, run("--store", db.toString(), "list", "--where", "precision=int4", "--where",
                "model={\"width\":32}"));
        assertEquals(List.of(planned.shortKey()), out.lines().skip(1).map(l -> l.substring(0, 12)).toList());
    }

    @Test
    void showPrintsTheExactLossAndPtqChildrenOfARunNamedByAKeyPrefix() {
        assertEquals(0, run("--store", db.toString(), "show", done.key().substring(0, 8)));
        assertTrue(out.contains("final validation loss: 0.30000000000000004"), out);
        assertTrue(out.contains("ptq:"), out);
        assertTrue(out.contains("\"method\":\"gptq\""), out);
        assertEquals(0, run("--store", db.toString(), "show", failed.shortKey()));
        assertTrue(out.contains("error:    out of memory"), out);
    }

    @Test
    void showAndListPtqPrintLossesDeltaDampeningCalibrationCheckpointAndLayers() {
        RunSpec int4 = RunSpec.of(Map.of("method", "gptq", "bits", 4));
        try (RunStore store = RunStore.open(db)) {
            store.putPtq(new PtqResult(done.key(), int4, new PtqResult.Losses(3.25, 3.5),
                    List.of(new PtqResult.Layer("blocks.0.attn.qkv.weight", 0.125, 0.01, 0.1)),
                    java.util.Optional.of(new PtqResult.Calibration(32, 7)),
                    java.util.Optional.of("/ckpt/ptq-int4.safetensors"), 2));
        }
        assertEquals(0, run("--store", db.toString(), "show", done.shortKey()));
        assertTrue(out.contains("loss before 3.25  after 3.5  delta 0.25  damp 0.1"), out);
        assertTrue(out.contains("calibration 32 sequences, seed 7"), out);
        assertTrue(out.contains("checkpoint /ckpt/ptq-int4.safetensors"), out);
        assertTrue(out.contains("layer blocks.0.attn.qkv.weight  error 0.125  relative 0.01  damp 0.1"), out);
        assertTrue(out.contains("loss before NaN  after 3.75  delta NaN"), "a row without L_pre: " + out);
        assertEquals(0, run("--store", db.toString(), "list", "--ptq"));
        assertEquals(6, out.lines().count(), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  ptq " + int4.shortKey()) && l.contains("delta 0.25")), out);
    }

    @Test
    void anUnknownOrAmbiguousKeyIsAnErrorNamingIt() {
        assertEquals(1, run("--store", db.toString(), "show", "zzzz"));
        assertTrue(err.contains("no run has a key starting with 'zzzz'"), err);
        assertEquals(1, run("--store", db.toString(), "show", ""));
        assertTrue(err.contains("give more characters"), err);
    }

    @Test
    void exportWritesCsvAndJsonThatReadBack() throws Exception {
        assertEquals(0, run("--store", db.toString(), "export", "--format", "csv", "--status", "done"));
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).startsWith("key,status,model,precision,seed,final_val_loss"), lines.get(0));
        assertTrue(lines.get(1).startsWith(done.key() + ",done,"), lines.get(1));
        Path json = dir.resolve("runs.json");
        assertEquals(0, run("--store", db.toString(), "export", "--format", "json", "--out", json.toString()));
        List<?> rows = (List<?>) CanonicalJson.read(Files.readString(json).strip());
        assertEquals(3, rows.size());
        assertEquals(0.1 + 0.2, ((Map<?, ?>) rows.getFirst()).get("final_val_loss"));
        assertEquals(2, run("--store", db.toString(), "export", "--format", "xml"));
    }

    @Test
    void deleteRemovesNamedRunsOrAllOfAStatusAndNeedsOneOfThem() {
        assertEquals(2, run("--store", db.toString(), "delete"));
        assertEquals(0, run("--store", db.toString(), "delete", "--status", "failed"));
        assertEquals("deleted 1 run", out.strip());
        assertEquals(0, run("--store", db.toString(), "delete", done.shortKey()));
        try (RunStore store = RunStore.open(db)) {
            assertEquals(List.of(planned.key()), store.list().stream().map(r -> r.key()).toList());
            assertEquals(List.of(), store.ptqResults(done.key()));
            assertEquals(List.of(), store.list(RunStatus.FAILED));
        }
    }

    @Test
    void checkPrintsOkForASoundStoreAndRefusesAForeignFile() throws Exception {
        assertEquals(0, run("--store", db.toString(), "check"));
        assertEquals("ok", out.strip());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a database");
        assertEquals(1, run("--store", text.toString(), "check"));
        assertTrue(err.contains(text + ": is not an SQLite database"), err);
        assertEquals("not a database", Files.readString(text));
    }

    @Test
    void aMissingStoreIsReportedNotCreated() {
        Path missing = dir.resolve("elsewhere").resolve("runs.db");
        assertEquals(1, run("--store", missing.toString(), "list"));
        assertTrue(err.contains(missing + ": no run store here"), err);
        assertTrue(!Files.exists(missing));
    }
}
