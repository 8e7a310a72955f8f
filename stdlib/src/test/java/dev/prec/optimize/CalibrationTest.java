package dev.prec.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.model.TransformerConfig;
import dev.prec.train.Trainer;
import dev.prec.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    @Test
    void estimateOfASweepOfTenSmallRunsIsWithinAFactorOfTwoOfTheRealTime(@TempDir Path dir) {
        Calibration c = Calibration.cached(dir.resolve("calibration.properties"), 1);
        Dataset data = Datasets.markov(MarkovSpec.FIRST_ORDER_64);
        List<TrainingSpec> sweep = new ArrayList<>();
        int[] widths = {32, 48, 64, 96, 128};
        for (int i = 0; i < 10; i++) {
            TransformerConfig cfg = TransformerConfig.olmo(2, widths[i % widths.length], 4, 64, 64);
            sweep.add(TrainingSpec.of(cfg, 3e-3, 8, (long) (30 + 20 * (i / 5)) * 8 * 64).withEvaluation(50, 2).withSeed(i));
        }
        double estimate = sweep.stream().mapToDouble(c::seconds).sum();
        long t0 = System.nanoTime();
        sweep.forEach(s -> Trainer.run(s, data));
        double real = (System.nanoTime() - t0) / 1e9;
        assertTrue(estimate < 2 * real && real < 2 * estimate, "estimated " + estimate + " s, took " + real + " s; " + c);
    }

    @Test
    void theCacheIsReusedOnTheSameMachineAndRemeasuredForAnother(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("calibration.properties");
        Calibration stored = new Calibration(1e-9, 0.25, Calibration.machine(1));
        stored.write(file);
        assertEquals(stored, Calibration.cached(file, 1), "same machine: read, not measured");
        new Calibration(1e-9, 0.25, "another machine").write(file);
        Calibration measured = Calibration.cached(file, 1);
        assertEquals(Calibration.machine(1), measured.machine());
        assertEquals(measured, Calibration.read(file).orElseThrow(), "the new measurement replaces the foreign one");
        Files.writeString(file, "garbage");
        assertTrue(Calibration.read(file).isEmpty());
    }

    @Test
    void workGrowsWithSizeAndTokens() {
        TrainingSpec a = TrainingSpec.of(TransformerConfig.olmo(2, 32, 4, 64, 64), 3e-3, 8, 40L * 8 * 64);
        TrainingSpec wider = TrainingSpec.of(TransformerConfig.olmo(2, 64, 4, 64, 64), 3e-3, 8, 40L * 8 * 64);
        TrainingSpec longer = TrainingSpec.of(TransformerConfig.olmo(2, 32, 4, 64, 64), 3e-3, 8, 80L * 8 * 64);
        assertTrue(TrainingWork.flops(wider) > TrainingWork.flops(a));
        assertTrue(TrainingWork.flops(longer) > 1.9 * TrainingWork.flops(a));
    }
}
