package dev.prec.ptq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.format.Formats;
import dev.prec.model.ParameterLayout;
import dev.prec.model.Quantization;
import dev.prec.model.Transformer;
import dev.prec.model.TransformerConfig;
import dev.prec.tensor.Matmuls;
import dev.prec.tensor.WorkPool;
import dev.prec.train.Safetensors;
import dev.prec.train.Trainer;
import dev.prec.train.TrainingResult;
import dev.prec.train.TrainingSpec;
import dev.prec.store.Owner;
import dev.prec.store.PtqResult;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PTQ of a transformer trained in the test on the Markov source. */
class TrainedModelPtqTest {

    /**
     * A second-order source (the model must attend to the previous token). On the first-order
     * FIRST_ORDER_64 source the blocks matter so little (the bigram table lives in the unquantized
     * embedding) that 3-bit deltas are within noise of zero.
     */
    static final Dataset MARKOV = Datasets.markov(new MarkovSpec(32, 2, 1.5, 8, 1));
    private static final Evaluation EVAL = new Evaluation(4, 16);
    private static TrainedModel trained;
    private static double trainerLoss;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        TransformerConfig cfg = TransformerConfig.olmo(2, 64, 4, 32, 32);
        TrainingSpec spec = TrainingSpec.of(cfg, 1e-2, 16, 400L * 16 * 32).withEvaluation(1000, EVAL.batches())
                .withThreads(2).withCheckpoints(dir, 1000);
        TrainingResult r = Trainer.run(spec, MARKOV);
        trainerLoss = r.finalValLoss();
        // The trainer's final checkpoint, read back the way PTQ of a stored run reads it.
        trained = TrainedModel.read(dir.resolve("checkpoint.safetensors"));
    }

    private static PtqReport quantize(PtqSpec.Method method, int bits) {
        PtqSpec spec = PtqSpec.of(method, Formats.integer(bits), 0).withCalibration(new PtqSpec.Calibration(32, 0));
        return PostTrainingQuantizer.quantize(trained, MARKOV, spec, EVAL, 2, PtqProgress.NONE);
    }

    @Test
    void lossBeforeQuantizationIsTheTrainersFinalValidationLoss() {
        PtqReport r = quantize(PtqSpec.Method.RTN, 8);
        assertEquals(trainerLoss, r.lossBefore(), 1e-6);
        assertTrue(Math.abs(r.delta()) < 0.01, "8-bit delta " + r.delta());
    }

    @Test
    void gptqReconstructsEveryLayerBetterThanRoundToNearestAndLosesLessAtThreeBits() {
        for (int bits : new int[] {3, 4}) {
            PtqReport gptq = quantize(PtqSpec.Method.GPTQ, bits);
            PtqReport rtn = quantize(PtqSpec.Method.RTN, bits);
            assertEquals(8, gptq.layers().size());
            for (int i = 0; i < gptq.layers().size(); i++) {
                LayerError g = gptq.layers().get(i);
                LayerError n = rtn.layers().get(i);
                assertEquals(g.name(), n.name());
                assertTrue(g.error() < n.error(), bits + " bits, " + g.name() + ": gptq " + g.error() + " rtn " + n.error());
            }
            assertTrue(gptq.delta() > 0 && rtn.delta() > 0, "deltas " + gptq.delta() + ", " + rtn.delta());
            if (bits == 3) {
                assertTrue(gptq.lossAfter() < rtn.lossAfter(), "3-bit loss: gptq " + gptq.lossAfter() + " rtn "
                        + rtn.lossAfter());
            }
        }
    }

    @Test
    void onBlockFormatsGptqReconstructsEveryLayerAtLeastAsWellAsRoundToNearest() {
        for (String name : List.of("mxfp4", "nvfp4", "mxfp8")) {
            List<PtqReport> byMethod = new java.util.ArrayList<>();
            for (PtqSpec.Method m : PtqSpec.Method.values()) {
                PtqSpec spec = PtqSpec.of(m, Formats.byName(name), 0).withCalibration(new PtqSpec.Calibration(32, 0));
                byMethod.add(PostTrainingQuantizer.quantize(trained, MARKOV, spec, EVAL, 2, PtqProgress.NONE));
            }
            PtqReport rtn = byMethod.get(0);
            PtqReport gptq = byMethod.get(1);
            for (int i = 0; i < gptq.layers().size(); i++) {
                LayerError g = gptq.layers().get(i);
                LayerError n = rtn.layers().get(i);
                assertTrue(g.error() <= n.error(), name + ", " + g.name() + ": gptq " + g.error() + " rtn " + n.error());
            }
            assertTrue(Double.isFinite(gptq.lossAfter()), name + " loss " + gptq.lossAfter());
        }
    }

    @Test
    void theQuantizedCheckpointHoldsDequantizedWeightsCodesAndScalesAndReproducesTheLoss(@TempDir Path dir)
            throws Exception {
        PtqSpec spec = PtqSpec.of(PtqSpec.Method.GPTQ, Formats.integer(4), 16)
                .withCalibration(new PtqSpec.Calibration(16, 3));
        PtqReport r = PostTrainingQuantizer.quantize(trained, MARKOV, spec, EVAL, 1, PtqProgress.NONE);
        Path file = dir.resolve("q.safetensors");
        QuantizedCheckpoint.write(file, r);
        TrainedModel back = TrainedModel.read(file);
        assertEquals(trained.config(), back.config());
        assertArrayEquals(r.model().params(), back.params());
        Safetensors.Contents c = Safetensors.read(file);
        QuantizedLayer q = r.quantized().get(0);
        assertArrayEquals(q.codes(), c.tensors().get(q.name() + ".codes").ints());
        assertArrayEquals(q.scales(), c.tensors().get(q.name() + ".scales").floats());
        assertEquals(64 / 16, q.groups());
        assertEquals(176 / 16, r.quantized().get(3).groups(), "mlp.down (C, F=176) has 11 groups of 16 per row");
        // An independent evaluation of the written weights gives the reported post-quantization loss.
        try (WorkPool pool = new WorkPool(1)) {
            Transformer t = new Transformer(back.config(), Quantization.NONE, EVAL.batchSize(), Matmuls.best(pool), pool);
            System.arraycopy(back.params(), 0, t.parameters(), 0, t.parameters().length);
            assertEquals(r.lossAfter(), PostTrainingQuantizer.validationLoss(t, MARKOV, EVAL), 1e-9);
        }
        // Only block matrices change; embedding and gains keep their trained values.
        ParameterLayout layout = ParameterLayout.of(trained.config());
        float[] before = trained.params();
        float[] after = back.params();
        for (var t : List.of(layout.embedding(), layout.finalNorm(), layout.blocks().get(1).attnNorm())) {
            for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                assertEquals(before[i], after[i], 0f, t.name());
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCountAndCalibrationIsSeeded() {
        PtqSpec spec = PtqSpec.of(PtqSpec.Method.GPTQ, Formats.integer(3), 0).withCalibration(new PtqSpec.Calibration(8, 1));
        PtqReport one = PostTrainingQuantizer.quantize(trained, MARKOV, spec, EVAL, 1, PtqProgress.NONE);
        PtqReport two = PostTrainingQuantizer.quantize(trained, MARKOV, spec, EVAL, 2, PtqProgress.NONE);
        assertArrayEquals(one.model().params(), two.model().params());
        PtqReport other = PostTrainingQuantizer.quantize(trained, MARKOV,
                spec.withCalibration(new PtqSpec.Calibration(8, 2)), EVAL, 1, PtqProgress.NONE);
        assertTrue(other.layers().getFirst().error() != one.layers().getFirst().error());
    }

    @Test
    void resultsAreKeptInTheRunStoreKeyedByParentRunAndPtqSpec(@TempDir Path dir) {
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            RunSpec parent = RunSpec.of(Map.of("model", "tiny", "seed", 0));
            store.finish(store.claim(parent, Owner.current(), Duration.ofMinutes(1)).orElseThrow(),
                    new RunResult(trainerLoss, List.of(), List.of(), 0, 0, "test", List.of()));
            PtqReport g3 = quantize(PtqSpec.Method.GPTQ, 3);
            PtqReport r3 = quantize(PtqSpec.Method.RTN, 3);
            g3.storeIn(store, parent.key(), Optional.empty());
            r3.storeIn(store, parent.key(), Optional.of(Path.of("r3.safetensors")));
            g3.storeIn(store, parent.key(), Optional.empty());
            List<PtqResult> rows = store.ptqResults(parent.key());
            assertEquals(2, rows.size());
            assertEquals(g3.storeSpec(), rows.get(1).spec());
            assertEquals(g3.toStored(parent.key(), Optional.empty()), rows.get(1));
            assertEquals(g3.delta(), rows.get(1).losses().delta(), 1e-15);
            assertEquals(g3.layers().size(), rows.get(1).layers().size());
            assertEquals(g3.dampUsed(), rows.get(1).damp());
            assertEquals(Optional.of("r3.safetensors"), rows.get(0).checkpoint());
            assertEquals("rtn", rows.get(0).spec().fields().get("method"));
        }
    }
}
