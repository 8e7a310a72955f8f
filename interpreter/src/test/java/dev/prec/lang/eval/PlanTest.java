package dev.prec.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.engine.Engines;
import dev.prec.model.TransformerConfig;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan's counts and FLOPs, against enumeration and the trainer's own parameter count. */
class PlanTest {
    private static final String SCRIPT = """
            data lang = synthetic(vocab: 128)
            model small = transformer(layers: 2, width: 64, heads: 4, context: 64)
            model sizes = small with { width: [32, 64, 128] }
            precision w4a8 = { weights: int(4) per_channel, activations: int(8), kv: int(8) }
            sweep grid = {
              model: sizes
              tokens: [1M, 2M, 4M]
              precision: [bf16, w4a8]
            } where tokens / model.params >= 10
            runs = train grid on lang
            law chin = fit chinchilla(tie: true) to runs
            """;

    private static Plan plan(String script) {
        DiagnosticSink sink = new DiagnosticSink();
        Plan plan = new Pipeline(Engines.none()).plan(new SourceFile("plan.prec", script),
                Pipeline.session(l -> { }, Path.of(".")), sink).orElseThrow(() -> new AssertionError(sink.all()));
        assertTrue(sink.all().isEmpty(), sink.all().toString());
        return plan;
    }

    @Test
    void sweepRunsAndFlopsMatchAnEnumerationWithTheTrainersParameterCount() {
        SweepPlan grid = plan(SCRIPT).sweeps().getFirst();
        int runs = 0;
        double flops = 0;
        double bitflops = 0;
        for (int width : new int[] {32, 64, 128}) {
            double n = TransformerConfig.olmo(2, width, 4, 64, 128).nonEmbeddingParams();
            for (double d : new double[] {1e6, 2e6, 4e6}) {
                if (d / n < 10) {
                    continue;
                }
                for (int bits : new int[] {16, 8}) {
                    runs++;
                    flops += 6 * n * d;
                    bitflops += 6.0 / 16 * n * d * bits;
                }
            }
        }
        assertEquals("grid", grid.name());
        assertEquals(runs, grid.runs());
        assertEquals(18, grid.considered());
        assertEquals(flops, grid.totalFlops(), 1e-9 * flops);
        assertEquals(bitflops, grid.totalBitflops(), 1e-9 * bitflops);
        assertTrue(grid.trained());
    }

    @Test
    void planListsTheEnginesTheActionsNeedAndWhichAreMissing() {
        Plan plan = plan(SCRIPT);
        assertEquals(Set.of(Capability.TRAINER, Capability.FITTER, Capability.LAWS), plan.needs());
        assertEquals(plan.needs(), plan.missing());
        String text = plan.render();
        assertTrue(text.contains("sweep grid: " + plan.sweeps().getFirst().runs() + " runs"), text);
        assertTrue(text.contains("the trainer engine (not in this build)"), text);
    }

    @Test
    void aScriptWithoutActionsNeedsNoEngine() {
        Plan plan = plan("x = 1 + 2\nprint x\n");
        assertTrue(plan.needs().isEmpty());
        assertTrue(plan.sweeps().isEmpty());
        assertTrue(plan.render().contains("engines: none needed"), plan.render());
    }

    @Test
    void planningReportsAnImpossibleModelBeforeAnythingRuns() {
        DiagnosticSink sink = new DiagnosticSink();
        boolean planned = new Pipeline(Engines.none()).plan(new SourceFile("bad.prec",
                        "model m = transformer(layers: 2, width: 66, heads: 4, context: 8)\n"),
                Pipeline.session(l -> { }, Path.of(".")), sink).isPresent();
        assertFalse(planned);
        assertEquals(1, sink.errorCount());
        assertEquals(1, sink.all().getFirst().span().line());
    }

    @Test
    void planningDoesNotTouchTheSessionNorPrint() {
        StringBuilder out = new StringBuilder();
        Session session = Pipeline.session(out::append, Path.of("."));
        new Pipeline(Engines.none()).plan(new SourceFile("p.prec", "x = 3\nprint x\n"), session, new DiagnosticSink());
        assertTrue(session.bindings().isEmpty());
        assertEquals("", out.toString());
    }
}
