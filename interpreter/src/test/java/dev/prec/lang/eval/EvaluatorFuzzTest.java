package dev.prec.lang.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.fuzz.FuzzRun;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner and the evaluator survive hostile scripts too: whatever passes the checker is planned
 * and run (without engines) with no exception escaping and no hang, and a failed run always says why.
 */
class EvaluatorFuzzTest {
    private static final long SEED = Long.getLong("prec.fuzz.seed", 20241104L) + 2;
    private static final int COUNT = Integer.getInteger("prec.fuzz.evalCount", 10_000);

    @Test
    void hostileScriptsArePlannedAndRunWithoutExceptionOrHang(@TempDir Path dir) {
        Pipeline pipeline = new Pipeline(Engines.none());
        Duration took = FuzzRun.of(SEED, COUNT, Duration.ofSeconds(10)).run(source -> {
            Session session = Pipeline.session(line -> { }, dir);
            DiagnosticSink planSink = new DiagnosticSink();
            boolean planned = pipeline.plan(source, session, planSink).isPresent();
            assertTrue(planned || planSink.hasErrors(), "planning failed without an error");
            DiagnosticSink runSink = new DiagnosticSink();
            boolean ran = pipeline.run(source, session, runSink).isPresent();
            assertTrue(ran || runSink.hasErrors(), "the run failed without an error");
            for (Diagnostic d : runSink.all()) {
                assertTrue(!d.message().isBlank(), "a diagnostic without a message: " + d);
            }
            DiagnosticRenderer.render(runSink.all(), source);
        });
        assertTrue(took.toSeconds() < 90, "fuzzing took " + took);
    }
}
