package dev.prec.lang.bind.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts that train through the installed engine: the store beside the script, re-runs, failures, cancel. */
class TrainScriptTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** What one script run printed, reported and left bound. */
    private record Outcome(List<String> printed, List<ProgressEvent> events, Session session, DiagnosticSink sink) {
        Value get(String name) {
            return session.lookup(name).orElseThrow();
        }
    }

    private static Outcome run(Path base, String text, AtomicBoolean cancel) {
        List<String> printed = new ArrayList<>();
        List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
        Session session = new Session(printed::add, new ActionContext(events::add, cancel), base);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(new SourceFile("t.prec", text), session, sink);
        return new Outcome(printed, events, session, sink);
    }

    private static Outcome runClean(Path base, String text) {
        Outcome o = run(base, text, new AtomicBoolean());
        assertTrue(o.sink().all().isEmpty(), DiagnosticRenderer.render(o.sink().all(), new SourceFile("t.prec", text)));
        return o;
    }

    @Test
    void theTrainEngineIsInstalledThroughTheServiceLoader() {
        assertInstanceOf(SweepTrainEngine.class, Engines.installed().train().orElseThrow());
    }

    @Test
    void theExampleTrainsFourTinyRunsIntoTheStoreBesideTheScriptAndFitsTheirLoss() throws Exception {
        String text = Files.readString(EXAMPLES.resolve("train.prec"));
        Outcome o = runClean(dir, text);
        RunTable runs = assertInstanceOf(RunTable.class, o.get("runs"));
        assertEquals(4, runs.rows().size());
        double first = Double.NaN;
        double last = Double.NaN;
        for (RunTable.Run r : runs.rows()) {
            assertEquals(new StringValue("done"), r.results().get("status").orElseThrow());
            double loss = ((NumberValue) r.results().get("loss").orElseThrow()).value();
            assertTrue(loss > 0 && loss < Math.log(32) + 0.5, "loss " + loss);
            first = Double.isNaN(first) ? loss : first;
            last = loss;
            for (String c : List.of("N", "D", "P_w", "P_a", "P_kv", "key")) {
                assertTrue(r.config().get(c).isPresent(), c + " missing in " + r.config());
            }
            assertEquals(16.0, ((NumberValue) r.config().get("P_w").orElseThrow()).value());
            ListValue curve = assertInstanceOf(ListValue.class, r.results().get("val_curve").orElseThrow());
            ListValue seen = assertInstanceOf(ListValue.class, r.results().get("val_tokens").orElseThrow());
            assertEquals(curve.elements().size(), seen.elements().size(), "one token count per validation loss");
            assertEquals(loss, ((NumberValue) curve.elements().getLast()).value(), "the curve ends at the final loss");
            assertTrue(assertInstanceOf(ListValue.class, r.results().get("train_curve").orElseThrow()).elements().size() > 1);
            Path checkpoint = Path.of(((StringValue) r.results().get("checkpoint").orElseThrow()).value());
            assertTrue(Files.isRegularFile(checkpoint) && checkpoint.startsWith(dir), checkpoint.toString());
        }
        assertTrue(last < first, "8x the data should lower the loss: " + first + " -> " + last);
        // D counts whole steps of batch 4 x context 16 = 64 tokens: 2K tokens are 31 steps.
        assertEquals(31 * 64.0, ((NumberValue) runs.rows().getFirst().config().get("D").orElseThrow()).value());
        try (RunStore store = RunStore.open(dir.resolve(".prec").resolve("runs.db"))) {
            assertEquals(4, store.list().stream().filter(r -> r.status() == RunStatus.DONE).count());
        }
        FitResult fit = assertInstanceOf(FitResult.class, o.get("fitted"));
        assertEquals(4.0, ((NumberValue) fit.statistics().get("points").orElseThrow()).value());
        assertTrue(fit.law().isFitted());
        assertTrue(o.events().stream().anyMatch(e -> e.action().equals("train") && e.message().contains("done: val loss")),
                o.events().toString());
    }

    @Test
    void runningAFinishedScriptAgainTrainsNothingAndPrintsTheSameTable() throws Exception {
        String text = Files.readString(EXAMPLES.resolve("train.prec"));
        Outcome first = runClean(dir, text);
        Outcome second = runClean(dir, text);
        assertEquals(first.printed(), second.printed());
        assertTrue(second.events().stream().anyMatch(e -> e.message().equals("4 runs, 4 ended before, 0 to train")),
                second.events().toString());
        assertTrue(second.events().stream().noneMatch(e -> e.message().startsWith("starting run")));
    }

    @Test
    void aDivergingRunIsReportedAndKeptWithoutALossAndTheStoreOptionIsHonoured() {
        String text = """
                data lang = synthetic(vocab: 32, order: 1, zipf: 1.0, seed: 3)
                model tiny = transformer(layers: 1, width: 16, heads: 2, context: 16)
                sweep grid = { model: tiny, tokens: [6K], lr: [3e-3, 50] }
                runs = train grid on lang with { batch: 4, store: "elsewhere/r.db" }
                """;
        Outcome o = runClean(dir, text);
        RunTable runs = (RunTable) o.get("runs");
        assertEquals(List.of("done", "diverged"), runs.rows().stream()
                .map(r -> ((StringValue) r.results().get("status").orElseThrow()).value()).toList());
        assertTrue(Double.isNaN(((NumberValue) runs.rows().get(1).results().get("loss").orElseThrow()).value()));
        assertTrue(runs.rows().get(1).results().get("error").isPresent());
        assertTrue(o.events().stream().anyMatch(e -> e.message().contains("DIVERGED at step")), o.events().toString());
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere").resolve("r.db")));
        assertTrue(Files.notExists(dir.resolve(".prec")));
    }

    @Test
    void cancellingStopsTheSweepWithAnErrorAndTheNextRunFinishesIt() throws Exception {
        String text = Files.readString(EXAMPLES.resolve("train.prec"));
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> printed = new ArrayList<>();
        Session session = new Session(printed::add, new ActionContext(e -> {
            if (e.message().contains("done: val loss")) {
                cancel.set(true);
            }
        }, cancel), dir);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(new SourceFile("t.prec", text), session, sink);
        assertTrue(DiagnosticRenderer.render(sink.all(), new SourceFile("t.prec", text)).contains("cancel"),
                DiagnosticRenderer.render(sink.all(), new SourceFile("t.prec", text)));
        long done;
        try (RunStore store = RunStore.open(dir.resolve(".prec").resolve("runs.db"))) {
            done = store.list().stream().filter(r -> r.status() == RunStatus.DONE).count();
        }
        assertTrue(done >= 1 && done < 4, done + " runs done");
        Outcome resumed = runClean(dir, text);
        assertTrue(resumed.events().stream().anyMatch(e -> e.message().equals("4 runs, " + done + " ended before, "
                + (4 - done) + " to train")), resumed.events().toString());
        assertEquals(4, ((RunTable) resumed.get("runs")).rows().size());
    }
}
