package dev.prec.ptq;

import dev.prec.data.Dataset;
import dev.prec.model.ParameterLayout;
import dev.prec.model.ParameterTensor;
import dev.prec.model.Quantization;
import dev.prec.model.Transformer;
import dev.prec.model.TransformerConfig;
import dev.prec.tensor.Matmul;
import dev.prec.tensor.MatmulShape;
import dev.prec.tensor.Matmuls;
import dev.prec.tensor.WorkPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weight-only post-training quantization of a trained transformer. The linear layers are visited in
 * forward order (per block: qkv, attention output, MLP up, MLP down; GPTQ's "true sequential"
 * order); for each, the calibration sequences are run through the model whose earlier layers are
 * already quantized, the layer's inputs X give {@code XᵀX}, the layer is quantized (round to nearest
 * or GPTQ) and its dequantized values replace it before the next layer is calibrated. The
 * validation loss is measured before and after.
 */
public final class PostTrainingQuantizer {

    /** Linear layers per block: qkv, attention output, MLP up, MLP down ({@link #linearWeights}). */
    private static final int SITES_PER_BLOCK = 4;

    private PostTrainingQuantizer() {
    }

    /**
     * Quantizes a model.
     *
     * @param model the trained model (not modified)
     * @param data calibration comes from its training stream, the losses from its validation batches;
     *     its vocabulary must be the model's
     * @param spec method, format, groups, calibration
     * @param eval validation batches and the batch size of forward passes
     * @param threads worker threads, {@code >= 1}; the result does not depend on it
     * @param progress called after each layer
     * @return losses before and after, per-layer errors, the quantized layers and model
     * @throws IllegalArgumentException if the vocabularies differ or {@code threads < 1}
     * @throws IllegalStateException if GPTQ cannot factor a layer's Hessian at any dampening tried
     */
    public static PtqReport quantize(TrainedModel model, Dataset data, PtqSpec spec, Evaluation eval, int threads,
                                     PtqProgress progress) {
        TransformerConfig cfg = model.config();
        if (data.vocabSize() != cfg.vocab()) {
            throw new IllegalArgumentException("dataset vocabulary " + data.vocabSize() + " differs from the model's "
                    + cfg.vocab());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        long start = System.nanoTime();
        try (WorkPool pool = new WorkPool(threads)) {
            Matmul mm = Matmuls.best(pool);
            Transformer t = new Transformer(cfg, Quantization.NONE, eval.batchSize(), mm, pool);
            float[] p = t.parameters();
            System.arraycopy(model.params(), 0, p, 0, p.length);
            double before = validationLoss(t, data, eval);
            List<int[]> batches = calibrationBatches(data, spec.calibration(), cfg.context(), eval.batchSize());
            List<ParameterTensor> sites = linearWeights(t.layout());
            List<LayerError> errors = new ArrayList<>();
            List<QuantizedLayer> layers = new ArrayList<>();
            for (int k = 0; k < sites.size(); k++) {
                ParameterTensor site = sites.get(k);
                double[] xtx = inputGram(t, new Site(site, k / SITES_PER_BLOCK + 1), batches,
                        spec.calibration().sequences(), mm);
                LayerWeights w = new LayerWeights(site.name(), site.rows(), site.cols(),
                        Arrays.copyOfRange(p, site.offset(), site.offset() + site.size()));
                WeightGrid grid = new WeightGrid(spec.format(), absmax(w.view()));
                QuantizedLayer q = spec.method() == PtqSpec.Method.GPTQ
                        ? Gptq.quantize(w, xtx, grid, spec.groupSize(), spec.gptq())
                        : Rtn.quantize(w, grid, spec.groupSize());
                System.arraycopy(q.dequantizedView(), 0, p, site.offset(), site.size());
                LayerError e = reconstructionError(w, q, xtx);
                errors.add(e);
                layers.add(q);
                progress.layerDone(e, errors.size(), sites.size());
            }
            double after = validationLoss(t, data, eval);
            return new PtqReport(spec, eval, before, after, errors, layers, new TrainedModel(cfg, p),
                    (System.nanoTime() - start) * 1e-9);
        }
    }

    /** Largest magnitude of the finite values (NVFP4's tensor scale ignores NaN and infinities). */
    private static float absmax(float[] v) {
        float m = 0f;
        for (float x : v) {
            if (Float.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    /** The weights GPTQ quantizes, in forward order: per block qkv, attention output, MLP up, MLP down. */
    static List<ParameterTensor> linearWeights(ParameterLayout layout) {
        List<ParameterTensor> sites = new ArrayList<>();
        for (ParameterLayout.Block b : layout.blocks()) {
            sites.addAll(List.of(b.qkv(), b.attnOut(), b.mlpUp(), b.mlpDown()));
        }
        return sites;
    }

    /**
     * The calibration sequences, packed into forward batches of {@code batchSize} (the last batch
     * padded by repeating its first sequence; padding rows are never read).
     */
    static List<int[]> calibrationBatches(Dataset data, PtqSpec.Calibration c, int context, int batchSize) {
        SplittableRandom random = new SplittableRandom(c.seed());
        int len = context + 1;
        int[] seq = new int[len];
        List<int[]> batches = new ArrayList<>();
        for (int i = 0; i < c.sequences(); i++) {
            if (i % batchSize == 0) {
                batches.add(new int[batchSize * len]);
            }
            data.trainBatch(random.nextLong(PtqSpec.Calibration.POOL), 1, context, seq);
            System.arraycopy(seq, 0, batches.getLast(), (i % batchSize) * len, len);
        }
        int[] last = batches.getLast();
        for (int b = c.sequences() % batchSize; b > 0 && b < batchSize; b++) {
            System.arraycopy(last, 0, last, b * len, len);
        }
        return batches;
    }

    /**
     * A linear layer being calibrated and the blocks a forward pass must run to reach it.
     *
     * @param weight the layer's weight
     * @param blocks blocks up to and including the layer's own, {@code >= 1}
     */
    private record Site(ParameterTensor weight, int blocks) {
    }

    /**
     * {@code XᵀX} (C, C) of the inputs of a site over every calibration sequence, summed in double;
     * each batch runs only the blocks up to the site's (later blocks cannot change its input).
     */
    private static double[] inputGram(Transformer t, Site s, List<int[]> batches, int sequences, Matmul mm) {
        ParameterTensor site = s.weight();
        int c = site.cols();
        int tokens = t.config().context();
        float[] x = new float[t.batch() * tokens * c];
        float[] gram = new float[c * c];
        double[] sum = new double[c * c];
        for (int i = 0; i < batches.size(); i++) {
            t.forwardThrough(batches.get(i), s.blocks());
            t.copyLinearInput(site, x);
            int rows = Math.min(t.batch(), sequences - i * t.batch()) * tokens;
            // gram(C, C) = xᵀ(rows, C) · x(rows, C); a batch's sum in float, batches summed in double.
            mm.aTb(gram, 0, x, 0, x, 0, new MatmulShape(c, c, rows), false);
            for (int k = 0; k < gram.length; k++) {
                sum[k] += gram[k];
            }
        }
        return sum;
    }

    /**
     * {@code ||X Wᵀ - X Qᵀ||² = sum over rows r of d_r (XᵀX) d_rᵀ} with {@code d = W - Q}: the error
     * summed over tokens without the inputs themselves.
     */
    static LayerError reconstructionError(LayerWeights w, QuantizedLayer q, double[] xtx) {
        int n = w.cols();
        float[] wv = w.view();
        float[] qv = q.dequantizedView();
        double[] d = new double[n];
        double[] full = new double[n];
        double error = 0;
        double signal = 0;
        for (int r = 0; r < w.rows(); r++) {
            for (int j = 0; j < n; j++) {
                full[j] = wv[r * n + j];
                d[j] = full[j] - qv[r * n + j];
            }
            error += quadratic(xtx, d, n);
            signal += quadratic(xtx, full, n);
        }
        return new LayerError(w.name(), Math.max(0, error), signal > 0 ? Math.max(0, error) / signal : Double.NaN,
                q.damp());
    }

    private static double quadratic(double[] a, double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] == 0) {
                continue;
            }
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += a[i * n + j] * v[j];
            }
            s += v[i] * row;
        }
        return s;
    }

    /** Mean loss over validation batches {@code 0 .. eval.batches()-1}, as the trainer measures it. */
    static double validationLoss(Transformer t, Dataset data, Evaluation eval) {
        int[] tokens = new int[t.batch() * (t.config().context() + 1)];
        double sum = 0;
        for (int i = 0; i < eval.batches(); i++) {
            data.validationBatch(i, t.batch(), t.config().context(), tokens);
            sum += t.forward(tokens);
        }
        return sum / eval.batches();
    }
}
