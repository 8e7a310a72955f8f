package dev.prec.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.GrammarSpec;
import dev.prec.model.TransformerConfig;
import org.junit.jupiter.api.Test;

/**
 * On a richer source than a first-order chain (the PCFG-style grammar), validation loss falls as the
 * model grows at fixed tokens and as tokens grow at fixed size: the monotonicity the scaling-law fits
 * rely on, on a 2 x 2 grid far enough apart that the ordering is not a matter of noise.
 */
class LossScalingTest {

    private static final Dataset GRAMMAR = Datasets.grammar(GrammarSpec.DEFAULT);

    private static double loss(int width, int steps) {
        TransformerConfig cfg = TransformerConfig.olmo(2, width, 4, 32, GRAMMAR.vocabSize());
        TrainingSpec spec = TrainingSpec.of(cfg, 1e-2, 16, (long) steps * 16 * 32).withEvaluation(10_000, 8)
                .withOptimizer(AdamWConfig.paper(1e-2).withEps(1e-8)).withThreads(2);
        return Trainer.run(spec, GRAMMAR).finalValLoss();
    }

    @Test
    void validationLossFallsWithModelSizeAndWithTokens() {
        double smallShort = loss(16, 40);
        double smallLong = loss(16, 200);
        double largeShort = loss(64, 40);
        double largeLong = loss(64, 200);
        String grid = "N small/large x D short/long: " + smallShort + ", " + smallLong + ", " + largeShort + ", " + largeLong;
        assertTrue(smallLong < smallShort && largeLong < largeShort, "loss must fall with D; " + grid);
        assertTrue(largeShort < smallShort && largeLong < smallLong, "loss must fall with N; " + grid);
    }
}
