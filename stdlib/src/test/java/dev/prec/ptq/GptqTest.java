package dev.prec.ptq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.format.Formats;
import dev.prec.format.Granularity;
import dev.prec.format.QuantSpec;
import dev.prec.format.TensorQuantizer;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** GPTQ and round-to-nearest on single layers, against independent implementations. */
class GptqTest {

    private static final int ROWS = 12;
    private static final int COLS = 40;
    private static final int TOKENS = 300;

    /** Inputs with correlated channels of different scales, as real activations have. */
    private static float[] inputs(long seed) {
        Random r = new Random(seed);
        float[] x = new float[TOKENS * COLS];
        for (int t = 0; t < TOKENS; t++) {
            double common = r.nextGaussian();
            for (int c = 0; c < COLS; c++) {
                x[t * COLS + c] = (float) ((0.3 + c % 7) * (r.nextGaussian() + 0.7 * common));
            }
        }
        return x;
    }

    private static LayerWeights weights(long seed) {
        Random r = new Random(seed);
        float[] w = new float[ROWS * COLS];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.05 * r.nextGaussian());
        }
        return new LayerWeights("layer", ROWS, COLS, w);
    }

    private static double[] gram(float[] x) {
        double[] g = new double[COLS * COLS];
        for (int t = 0; t < TOKENS; t++) {
            for (int i = 0; i < COLS; i++) {
                for (int j = 0; j < COLS; j++) {
                    g[i * COLS + j] += (double) x[t * COLS + i] * x[t * COLS + j];
                }
            }
        }
        return g;
    }

    /**
     * The textbook GPTQ, written separately: unblocked, double precision, the inverse Hessian and its
     * upper Cholesky factor from Commons Math; one column at a time, every later column updated at
     * once; a group's scale from the current weights when the group starts; int absmax rounding as
     * Kumar et al. define it, evaluated in float like the formats package.
     */
    private static float[] referenceGptq(LayerWeights layer, double[] xtx, int bits, int group, boolean actOrder) {
        int n = COLS;
        int qmax = (1 << (bits - 1)) - 1;
        int qmin = -(1 << (bits - 1));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (actOrder) {
            java.util.Arrays.sort(order, (a, b) -> Double.compare(xtx[b * n + b], xtx[a * n + a]));
        }
        double[][] h = new double[n][n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = 2 * xtx[order[i] * n + order[j]];
            }
            mean += h[i][i] / n;
        }
        for (int i = 0; i < n; i++) {
            h[i][i] += 0.01 * mean;
        }
        RealMatrix hinv = new CholeskyDecomposition(new Array2DRowRealMatrix(h)).getSolver().getInverse();
        RealMatrix u = new CholeskyDecomposition(hinv, 1e-12, 1e-14).getLT();
        float[] src = layer.values();
        double[][] w = new double[ROWS][n];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < n; j++) {
                w[r][j] = src[r * n + order[j]];
            }
        }
        float[][] q = new float[ROWS][n];
        float[] scale = new float[ROWS];
        int span = group == 0 ? n : group;
        for (int i = 0; i < n; i++) {
            if (i % span == 0) {
                for (int r = 0; r < ROWS; r++) {
                    float absmax = 0;
                    for (int j = i; j < Math.min(n, i + span); j++) {
                        absmax = Math.max(absmax, Math.abs((float) w[r][j]));
                    }
                    scale[r] = absmax / qmax;
                }
            }
            for (int r = 0; r < ROWS; r++) {
                float y = (float) w[r][i] * (1f / scale[r]);
                q[r][i] = scale[r] * (float) Math.max(qmin, Math.min(qmax, Math.rint(y)));
                double err = (w[r][i] - q[r][i]) / u.getEntry(i, i);
                for (int j = i + 1; j < n; j++) {
                    w[r][j] -= err * u.getEntry(i, j);
                }
            }
        }
        float[] out = new float[ROWS * n];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < n; j++) {
                out[r * n + order[j]] = q[r][j];
            }
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, double relative, String what) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += Math.pow(expected[i] - actual[i], 2);
            norm += Math.pow(expected[i], 2);
        }
        assertTrue(Math.sqrt(diff / norm) < relative, what + ": relative difference " + Math.sqrt(diff / norm));
    }

    @Test
    void blockedGptqMatchesTheUnblockedDoublePrecisionReference() {
        LayerWeights layer = weights(1);
        double[] xtx = gram(inputs(2));
        record Case(int bits, int group, int block, boolean actOrder) {
        }
        for (Case c : new Case[] {new Case(3, 0, 128, false), new Case(4, 0, 7, false), new Case(3, 8, 16, false),
                new Case(4, 8, 5, false), new Case(3, 0, 16, true), new Case(4, 8, 16, true)}) {
            GptqOptions options = GptqOptions.DEFAULT.withBlockSize(c.block()).withActOrder(c.actOrder());
            QuantizedLayer q = Gptq.quantize(layer, xtx, new WeightGrid(Formats.integer(c.bits())), c.group(), options);
            assertClose(referenceGptq(layer, xtx, c.bits(), c.group(), c.actOrder()), q.dequantized(), 1e-5, c.toString());
            assertEquals(0.01, q.damp());
        }
    }

    @Test
    void codesTimesScalesGiveTheDequantizedWeightsAndCodesStayOnTheGrid() {
        QuantizedLayer q = Gptq.quantize(weights(3), gram(inputs(4)), new WeightGrid(Formats.integer(3)), 8,
                GptqOptions.DEFAULT.withActOrder(true));
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                int code = q.codes()[r * COLS + c];
                assertTrue(code >= -4 && code <= 3, "code " + code);
                float s = q.scales()[r * q.groups() + q.groupIndex()[c]];
                assertEquals(s * code, q.dequantized()[r * COLS + c], 0f, "element " + r + "," + c);
            }
        }
        assertEquals(COLS / 8, q.groups());
    }

    @Test
    void gptqHasLowerReconstructionErrorThanRoundToNearest() {
        LayerWeights layer = weights(5);
        double[] xtx = gram(inputs(6));
        for (int bits : new int[] {3, 4}) {
            WeightGrid grid = new WeightGrid(Formats.integer(bits));
            LayerError gptq = PostTrainingQuantizer.reconstructionError(layer,
                    Gptq.quantize(layer, xtx, grid, 0, GptqOptions.DEFAULT), xtx);
            LayerError rtn = PostTrainingQuantizer.reconstructionError(layer, Rtn.quantize(layer, grid, 0), xtx);
            assertTrue(gptq.error() < rtn.error(), bits + " bits: gptq " + gptq.error() + " rtn " + rtn.error());
        }
    }

    @Test
    void reconstructionErrorFromTheGramMatrixEqualsTheErrorOfTheOutputs() {
        LayerWeights layer = weights(7);
        float[] x = inputs(8);
        QuantizedLayer q = Rtn.quantize(layer, new WeightGrid(Formats.integer(3)), 0);
        double direct = 0;
        double signal = 0;
        float[] w = layer.values();
        float[] d = q.dequantized();
        for (int t = 0; t < TOKENS; t++) {
            for (int r = 0; r < ROWS; r++) {
                double full = 0;
                double quant = 0;
                for (int c = 0; c < COLS; c++) {
                    full += (double) x[t * COLS + c] * w[r * COLS + c];
                    quant += (double) x[t * COLS + c] * d[r * COLS + c];
                }
                direct += (full - quant) * (full - quant);
                signal += full * full;
            }
        }
        LayerError e = PostTrainingQuantizer.reconstructionError(layer, q, gram(x));
        assertEquals(direct, e.error(), 1e-9 * direct);
        assertEquals(direct / signal, e.relative(), 1e-9);
        assertTrue(Double.isNaN(e.damp()));
    }

    @Test
    void roundToNearestIsTheFormatsPackagesPerChannelAndPerGroupQuantizer() {
        LayerWeights layer = weights(9);
        for (Granularity g : new Granularity[] {Granularity.PER_CHANNEL, Granularity.perGroup(8), Granularity.perGroup(12)}) {
            for (var format : new dev.prec.format.ElementFormat[] {Formats.integer(3), Formats.integer(4), Formats.FP4_E2M1,
                    Formats.FP8_E4M3}) {
                TensorQuantizer tq = QuantSpec.of(format).withGranularity(g).referenceQuantizer();
                float[] expected = new float[ROWS * COLS];
                tq.apply(layer.values(), 0, expected, 0, ROWS, COLS, TensorQuantizer.RoundingKey.NONE);
                QuantizedLayer q = Rtn.quantize(layer, new WeightGrid(format), g.groupSize());
                assertArrayEquals(expected, q.dequantized(), format.name() + " " + g);
            }
        }
    }

    @Test
    void anIndefiniteHessianRaisesTheDampeningTenfoldAndReportsIt() {
        LayerWeights layer = new LayerWeights("l", 1, 2, new float[] {0.5f, -0.25f});
        // Eigenvalues of 2 XᵀX are -2 and 6 with mean diagonal 2: only lambda > 2 factors, a fraction of 10.
        QuantizedLayer q = Gptq.quantize(layer, new double[] {1, 2, 2, 1}, new WeightGrid(Formats.integer(4)), 0,
                GptqOptions.DEFAULT);
        assertEquals(10, q.damp(), 1e-9);
    }

    @Test
    void aHessianNoDampeningRepairsFailsLoudly() {
        LayerWeights layer = new LayerWeights("blocks.0.mlp.up.weight", 1, 2, new float[] {0.5f, -0.25f});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gptq.quantize(layer,
                new double[] {1, 1e9, 1e9, 1}, new WeightGrid(Formats.integer(4)), 0, GptqOptions.DEFAULT));
        assertTrue(e.getMessage().contains("blocks.0.mlp.up.weight"), e.getMessage());
    }
}
