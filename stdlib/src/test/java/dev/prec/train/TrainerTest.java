package dev.prec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.format.Formats;
import dev.prec.format.Granularity;
import dev.prec.format.QuantSpec;
import dev.prec.format.Rounding;
import dev.prec.format.TensorQuantizer;
import dev.prec.model.Quantization;
import dev.prec.model.TransformerConfig;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final Dataset MARKOV = Datasets.markov(MarkovSpec.FIRST_ORDER_64);

    /** A tiny run: 2 layers, width 32, 40 steps of 8 x 16 tokens. */
    private static TrainingSpec tiny() {
        return TrainingSpec.of(TransformerConfig.olmo(2, 32, 4, 16, 64), 3e-3, 8, 40 * 8 * 16)
                .withEvaluation(10, 2);
    }

    @Test
    void twoLayerWidth64ModelReachesTheEntropyRateOfAFirstOrderMarkovSource() {
        TransformerConfig cfg = TransformerConfig.olmo(2, 64, 4, 32, 64);
        TrainingSpec spec = TrainingSpec.of(cfg, 1e-2, 16, 300L * 16 * 32).withEvaluation(100, 8)
                .withOptimizer(AdamWConfig.paper(1e-2).withEps(1e-8)).withThreads(2);
        TrainingResult r = Trainer.run(spec, MARKOV);
        double rate = MARKOV.entropyRate().orElseThrow();
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        // The first position of each sequence has no context (its loss is the marginal entropy),
        // which adds (H(pi) - rate) / T, about 0.6% here, to the floor.
        assertTrue(r.finalValLoss() < 1.05 * rate, "val loss " + r.finalValLoss() + " vs entropy rate " + rate);
        assertTrue(r.finalValLoss() > rate - 0.02, "val loss below the entropy floor: " + r.finalValLoss());
    }

    @Test
    void sameSpecAndSeedGiveBitIdenticalCurvesAndThreadCountDoesNotMatter() {
        Quantization sr = new Quantization(integer(4, Granularity.PER_CHANNEL, Rounding.STOCHASTIC),
                integer(8, Granularity.PER_TENSOR, Rounding.STOCHASTIC),
                integer(6, Granularity.PER_TENSOR, Rounding.STOCHASTIC), true);
        TrainingSpec spec = tiny().withQuantization(sr);
        TrainingResult a = Trainer.run(spec, MARKOV);
        TrainingResult b = Trainer.run(spec, MARKOV);
        TrainingResult c = Trainer.run(spec.withThreads(2), MARKOV);
        assertEquals(a.curve(), b.curve());
        assertEquals(a.curve(), c.curve());
        assertEquals(a.validation(), c.validation());
        assertEquals(Double.doubleToLongBits(a.finalValLoss()), Double.doubleToLongBits(c.finalValLoss()));
        TrainingResult other = Trainer.run(spec.withSeed(2), MARKOV);
        assertFalse(a.curve().equals(other.curve()), "another seed must change the run");
    }

    @Test
    void resumingFromTheLastCheckpointGivesTheUninterruptedResult(@TempDir Path dir) {
        TrainingSpec spec = tiny().withAverageFraction(0.25);
        TrainingResult whole = Trainer.run(spec, MARKOV);
        TrainingSpec saving = spec.withCheckpoints(dir, 7);
        AtomicInteger polls = new AtomicInteger();
        TrainingResult cut = Trainer.run(saving, MARKOV, TrainingListener.NONE, () -> polls.incrementAndGet() > 31);
        assertEquals(TrainingResult.Status.CANCELLED, cut.status());
        assertEquals(31, cut.steps());
        assertTrue(dir.resolve(Checkpoint.FILE).toFile().exists());
        TrainingResult resumed = Trainer.run(saving, MARKOV);
        assertEquals(whole.curve(), resumed.curve());
        assertEquals(whole.validation(), resumed.validation());
        assertEquals(whole.finalValLoss(), resumed.finalValLoss());
        assertEquals(whole.averagedValLoss(), resumed.averagedValLoss());
        assertTrue(Double.isFinite(whole.averagedValLoss()));
    }

    @Test
    void hugeLearningRateIsDetectedAsDivergenceWithItsStep() {
        TrainingSpec spec = tiny().withOptimizer(new AdamWConfig(50.0, 0.9, 0.95, 1e-8, 0.0, 1e9))
                .withSchedule(Schedule.constant());
        TrainingResult r = Trainer.run(spec, MARKOV);
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertTrue(r.divergedStep() > 0 && r.divergedStep() < 40, "diverged at " + r.divergedStep());
        double last = r.curve().get(r.curve().size() - 1).loss();
        assertTrue(!Double.isFinite(last) || last > 3 * r.curve().get(0).loss());
        assertTrue(Double.isNaN(r.finalValLoss()));
    }

    @Test
    void tokenBudgetFixesTheStepsAndTheTokenCounts() {
        TrainingSpec spec = tiny().withTokenBudget(10 * 8 * 16 + 100);
        TrainingResult r = Trainer.run(spec, MARKOV);
        assertEquals(10, r.steps());
        assertEquals(10 * 8 * 16, r.curve().get(9).tokens());
        assertEquals(r.validation().get(r.validation().size() - 1).loss(), r.finalValLoss());
        assertTrue(r.tokensPerSecond() > 0);
    }

    @Test
    void int3WeightsGiveAHigherLossThanBf16AtEqualSizeAndTokensAndTheGapShrinksWithBits() {
        TrainingSpec spec = TrainingSpec.of(TransformerConfig.olmo(2, 32, 4, 32, 64), 1e-2, 16, 120L * 16 * 32)
                .withEvaluation(1000, 4).withOptimizer(AdamWConfig.paper(1e-2).withEps(1e-8)).withThreads(2);
        TensorQuantizer bf16 = QuantSpec.of(Formats.BF16).quantizer();
        double base = Trainer.run(spec.withQuantization(new Quantization(bf16, null, null, false)), MARKOV).finalValLoss();
        double[] gap = new double[9];
        for (int bits : new int[] {3, 5, 8}) {
            Quantization q = new Quantization(integer(bits, Granularity.PER_CHANNEL, Rounding.NEAREST_EVEN), null, null, false);
            gap[bits] = Trainer.run(spec.withQuantization(q), MARKOV).finalValLoss() - base;
        }
        assertTrue(gap[3] > 0.01, "int3 weights must cost loss over bf16, gap " + gap[3]);
        assertTrue(gap[3] > gap[5] && gap[5] > Math.abs(gap[8]) - 1e-3,
                "the gap must shrink as weight bits grow: int3 " + gap[3] + ", int5 " + gap[5] + ", int8 " + gap[8]);
    }

    private static TensorQuantizer integer(int bits, Granularity g, Rounding r) {
        return QuantSpec.of(Formats.integer(bits)).withGranularity(g).withRounding(r).quantizer();
    }
}
