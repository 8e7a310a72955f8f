package dev.prec.lang.bind.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.StoredRun;
import dev.prec.lang.eval.Plan;
import dev.prec.lang.eval.Session;
import dev.prec.lang.eval.SweepPlan;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan knows which runs of a sweep the run store already has: finished and failed runs are listed
 * and not counted again, and the wall time covers only the runs still to train.
 */
class PlanStoreTest {
    private static final String HEAD = """
            data lang = synthetic(vocab: 32, order: 1, zipf: 1.0, seed: 3)
            model tiny = transformer(layers: 1, width: 16, heads: 2, context: 16)
            """;
    /** One run finishes, one diverges (lr 50), as in TrainScriptTest. */
    private static final String TRAINED = HEAD + """
            sweep grid = { model: tiny, tokens: [6K], lr: [3e-3, 50] }
            runs = train grid on lang with { batch: 4 }
            """;
    /** The same two runs plus two with more tokens. */
    private static final String GROWN = HEAD + """
            sweep grid = { model: tiny, tokens: [6K, 12K], lr: [3e-3, 50] }
            runs = train grid on lang with { batch: 4 }
            """;
    /** Only the two runs the grown sweep adds. */
    private static final String ADDED = HEAD + """
            sweep grid = { model: tiny, tokens: [12K], lr: [3e-3, 50] }
            runs = train grid on lang with { batch: 4 }
            """;

    @TempDir
    Path dir;

    private Plan plan(Path base, String text) {
        SourceFile source = new SourceFile("p.prec", text);
        DiagnosticSink sink = new DiagnosticSink();
        Plan p = new Pipeline(Engines.installed()).plan(source, Pipeline.session(l -> { }, base), sink).orElseThrow();
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        return p;
    }

    private Session run(String text) {
        SourceFile source = new SourceFile("t.prec", text);
        Session session = Pipeline.session(l -> { }, dir);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(source, session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        return session;
    }

    @Test
    void beforeAnythingTrainsEveryRunIsToTrainAndTheStoreIsNotCreated() {
        Plan p = plan(dir, GROWN);
        SweepPlan grid = p.sweeps().getFirst();
        assertTrue(grid.stored().isEmpty());
        assertEquals(4, grid.toTrain());
        assertTrue(p.render().contains("plan: 1 sweep, 4 runs to train"), p.render());
        assertTrue(!p.render().contains("run store:"), p.render());
        assertTrue(Files.notExists(dir.resolve(".prec")), "planning must not create the store");
    }

    @Test
    void aStoreWithoutAnyOfTheSweepsRunsListsThemAllAsPending() {
        run(TRAINED);
        SweepPlan grid = plan(dir, ADDED).sweeps().getFirst();
        assertEquals(List.of(StoredRun.State.PENDING, StoredRun.State.PENDING),
                grid.stored().orElseThrow().stream().map(StoredRun::state).toList());
        assertEquals(2, grid.toTrain());
    }

    @Test
    void afterARunTheStoresFinishedAndFailedRunsAreListedAndOnlyTheRestCostTime() throws Exception {
        run(TRAINED);
        Plan grown = plan(dir, GROWN);
        SweepPlan grid = grown.sweeps().getFirst();
        List<StoredRun> stored = grid.stored().orElseThrow();
        assertEquals(List.of(StoredRun.State.FINISHED, StoredRun.State.FAILED, StoredRun.State.PENDING,
                StoredRun.State.PENDING), stored.stream().map(StoredRun::state).toList(), stored.toString());
        assertEquals(12_000.0, ((NumberValue) stored.get(2).point().get("tokens").orElseThrow()).value());
        assertEquals(2, grid.toTrain());
        assertEquals(2, grown.trainedRuns());
        // The remaining time is the time of a sweep of just the two added runs, planned in a fresh directory.
        Path fresh = Files.createDirectory(dir.resolve("fresh"));
        double added = plan(fresh, ADDED).sweeps().getFirst().estimatedSeconds();
        assertTrue(added > 0, "calibrated estimate " + added);
        assertEquals(added, grid.estimatedSeconds(), 1e-9 * added);
        String text = grown.render();
        assertTrue(text.contains("plan: 1 sweep, 2 runs to train"), text);
        assertTrue(text.contains("run store: 1 finished, 1 failed (kept, not retried; prec runs deletes them), 2 to train"), text);
        assertTrue(text.contains("finished  " + stored.get(0).key() + "  model tiny, tokens 6000, lr 0.003"), text);
        assertTrue(text.contains("for the 2 runs still to train"), text);
    }

    @Test
    void aFinishedSweepHasNothingToTrainAndThePlanActionSaysSo() {
        run(TRAINED);
        Plan again = plan(dir, TRAINED);
        assertEquals(0, again.trainedRuns());
        assertTrue(again.render().contains("1 finished, 1 failed (kept, not retried; prec runs deletes them), 0 to train: nothing to train"),
                again.render());
        Session s = run(HEAD + "sweep grid = { model: tiny, tokens: [6K, 12K], lr: [3e-3, 50] }\n"
                + "p = plan train grid on lang with { batch: 4 }\n");
        RecordValue p = assertInstanceOf(RecordValue.class, s.lookup("p").orElseThrow());
        assertEquals(NumberValue.of(4), p.get("runs").orElseThrow());
        assertEquals(NumberValue.of(1), p.get("finished").orElseThrow());
        assertEquals(NumberValue.of(1), p.get("failed").orElseThrow());
        assertEquals(NumberValue.of(2), p.get("to_train").orElseThrow());
    }
}
