package dev.prec.lang.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.eval.Session;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser and the checker together survive hostile scripts: no exception escapes, no script hangs,
 * every diagnostic points into its file and renders, and a failed check always says why.
 */
class CheckerFuzzTest {
    private static final long SEED = Long.getLong("prec.fuzz.seed", 20241104L) + 1;
    private static final int COUNT = Integer.getInteger("prec.fuzz.count", 10_000);

    @Test
    void tenThousandHostileScriptsAreCheckedWithoutExceptionOrHang(@TempDir Path dir) {
        Pipeline pipeline = new Pipeline(Engines.none());
        Duration took = FuzzRun.of(SEED, COUNT, Duration.ofSeconds(5)).run(source -> {
            Session session = Pipeline.session(line -> { }, dir);
            DiagnosticSink sink = new DiagnosticSink();
            boolean checked = pipeline.check(source, session, sink).isPresent();
            assertTrue(checked || sink.hasErrors(), "the check failed without an error");
            for (Diagnostic d : sink.all()) {
                assertTrue(d.span().line() <= source.lineCount() || !d.span().file().equals(source.name()),
                        () -> "span past the end: " + d);
            }
            DiagnosticRenderer.render(sink.all(), source);
        });
        assertTrue(took.toSeconds() < 60, "fuzzing took " + took);
    }
}
