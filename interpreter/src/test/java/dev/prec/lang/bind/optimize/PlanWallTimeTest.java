package dev.prec.lang.bind.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.eval.Plan;
import dev.prec.model.TransformerConfig;
import dev.prec.optimize.Calibration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlanWallTimeTest {

    private static Plan plan(String tokens) {
        String script = """
                data lang = synthetic(vocab: 64, order: 1, seed: 1)
                model small = transformer(layers: 2, width: 64, heads: 4, context: 64, vocab: 64)
                sweep grid = { model: small, tokens: %s, seed: [0, 1] }
                train grid on lang
                """.formatted(tokens);
        SourceFile source = new SourceFile("plan.prec", script);
        DiagnosticSink sink = new DiagnosticSink();
        Plan p = new Pipeline(Engines.none()).plan(source, Pipeline.session(s -> { }, Path.of(".")), sink).orElseThrow();
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        return p;
    }

    @Test
    void checkPrintsTheWallTimeOfATrainedSweepFromTheCalibration() {
        Plan p = plan("[1M, 2M]");
        Calibration c = MachineCalibration.get().orElseThrow();
        TransformerConfig cfg = TransformerConfig.olmo(2, 64, 4, 64, 64);
        double expected = 2 * (MachineCalibration.seconds(cfg, 1_000_000, MachineCalibration.DEFAULT_BATCH, c)
                + MachineCalibration.seconds(cfg, 2_000_000, MachineCalibration.DEFAULT_BATCH, c));
        assertEquals(expected, p.sweeps().get(0).estimatedSeconds(), expected * 1e-9);
        assertTrue(p.render().contains("estimated wall time"), p.render());
        assertTrue(plan("[4M]").sweeps().get(0).estimatedSeconds() > 0.9 * expected, "4M tokens cost about as much as 1M + 2M, twice");
    }
}
