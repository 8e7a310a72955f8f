package dev.prec.ptq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.format.Formats;
import dev.prec.model.TransformerConfig;
import dev.prec.train.Trainer;
import dev.prec.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kumar et al.'s first finding at tiny scale: at fixed N, delta_PTQ grows with the training data D.
 * One model size (2 layers, width 64), D = 100 and 400 steps of 16 x 32 tokens, GPTQ per channel
 * to 3 and 4 bits, seeds 0..2, on the second-order Markov source of {@link TrainedModelPtqTest}.
 * Measured when written (seeds 0, 1, 2): int3 0.0004, 0.0008, 0.0004 at 100 steps against 0.023,
 * 0.017, 0.009 at 400 steps; int4 within 2e-5 of zero at 100 steps against 0.0023, 0.0031, 0.0021.
 */
class DeltaGrowsWithDataTest {

    private static final Evaluation EVAL = new Evaluation(4, 16);

    private static TrainedModel train(long steps, long seed, Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve(steps + "-" + seed));
        TrainingSpec spec = TrainingSpec.of(TransformerConfig.olmo(2, 64, 4, 32, 32), 1e-2, 16, steps * 16 * 32)
                .withSeed(seed).withEvaluation(1000, EVAL.batches()).withThreads(2).withCheckpoints(run, 100_000);
        Trainer.run(spec, TrainedModelPtqTest.MARKOV);
        return TrainedModel.read(run.resolve("checkpoint.safetensors"));
    }

    private static double delta(TrainedModel m, int bits) {
        PtqSpec spec = PtqSpec.of(PtqSpec.Method.GPTQ, Formats.integer(bits), 0)
                .withCalibration(new PtqSpec.Calibration(32, 0));
        return PostTrainingQuantizer.quantize(m, TrainedModelPtqTest.MARKOV, spec, EVAL, 2, PtqProgress.NONE).delta();
    }

    @Test
    void deltaAtThreeAndFourBitsGrowsWithTrainingTokensAtFixedSizeForSeedsZeroToTwo(@TempDir Path dir) throws Exception {
        for (long seed = 0; seed <= 2; seed++) {
            TrainedModel small = train(100, seed, dir);
            TrainedModel large = train(400, seed, dir);
            for (int bits : new int[] {3, 4}) {
                double dSmall = delta(small, bits);
                double dLarge = delta(large, bits);
                assertTrue(dLarge > dSmall, "seed " + seed + ", " + bits + " bits: delta at D=100 steps " + dSmall
                        + ", at D=400 steps " + dLarge);
                System.out.printf("seed %d, int%d: delta_PTQ %.5f (D = 100 steps) -> %.5f (D = 400 steps)%n",
                        seed, bits, dSmall, dLarge);
            }
        }
    }
}
