package dev.prec.model;

import dev.prec.tensor.WorkPool;
import static dev.prec.model.FiniteDifference.check;
import static dev.prec.model.FiniteDifference.random;
import static dev.prec.model.FiniteDifference.weightedSum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prec.tensor.MatmulShape;
import dev.prec.tensor.ScalarMatmul;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every layer's backward pass against central finite differences of {@code sum(w * forward(x))}
 * with random w, computed in double from the float forward outputs.
 */
class LayerGradientTest {

    private static final double H = 1e-2;
    private static final double TOL = 2e-3;
    private final Random random = new Random(7);
    private static final WorkPool SERIAL = new WorkPool(1);
    private final WorkPool serial = SERIAL;

    @Test
    void rmsNormGradientsMatchFiniteDifferences() {
        Rows r = new Rows(3, 8);
        float[] x = random(random, 24, 1.5);
        float[] g = random(random, 8, 1.0);
        float[] w = random(random, 24, 1.0);
        float[] out = new float[24];
        float[] rstd = new float[3];
        java.util.function.DoubleSupplier f = () -> {
            RmsNorm.forward(out, 0, rstd, 0, x, 0, g, 0, r, serial);
            return weightedSum(out, w);
        };
        f.getAsDouble();
        float[] dx = new float[24];
        float[] dg = new float[8];
        RmsNorm.backward(dx, 0, dg, 0, w, 0, x, 0, g, 0, rstd, 0, r, serial);
        check("rms dx", x, dx, f, H, TOL);
        check("rms dgain", g, dg, f, H, TOL);
    }

    @Test
    void layerNormGradientsMatchFiniteDifferences() {
        Rows r = new Rows(3, 8);
        float[] x = random(random, 24, 1.5);
        float[] g = random(random, 8, 1.0);
        float[] w = random(random, 24, 1.0);
        float[] out = new float[24];
        float[] mean = new float[3];
        float[] rstd = new float[3];
        java.util.function.DoubleSupplier f = () -> {
            LayerNorm.forward(out, 0, mean, 0, rstd, 0, x, 0, g, 0, r, serial);
            return weightedSum(out, w);
        };
        f.getAsDouble();
        float[] dx = new float[24];
        float[] dg = new float[8];
        LayerNorm.backward(dx, 0, dg, 0, w, 0, x, 0, g, 0, mean, 0, rstd, 0, r, serial);
        check("layernorm dx", x, dx, f, H, TOL);
        check("layernorm dgain", g, dg, f, H, TOL);
    }

    @Test
    void linearGradientsMatchFiniteDifferences() {
        MatmulShape s = new MatmulShape(5, 3, 4);
        float[] x = random(random, 20, 1.0);
        float[] wt = random(random, 12, 1.0);
        float[] w = random(random, 15, 1.0);
        float[] out = new float[15];
        java.util.function.DoubleSupplier f = () -> {
            Linear.forward(new ScalarMatmul(), out, 0, x, 0, wt, 0, s);
            return weightedSum(out, w);
        };
        float[] dx = new float[20];
        float[] dw = new float[12];
        Linear.backward(new ScalarMatmul(), dx, 0, dw, 0, w, 0, x, 0, wt, 0, s);
        check("linear dinp", x, dx, f, H, TOL);
        check("linear dweight", wt, dw, f, H, TOL);
    }

    @Test
    void attentionGradientsMatchFiniteDifferences() {
        AttentionShape a = new AttentionShape(2, 4, 2, 3);
        int n = 2 * 4 * 6;
        float[] qkv = random(random, 3 * n, 1.5);
        QkvOffsets offs = new QkvOffsets(0, n, 2 * n);
        float[] w = random(random, n, 1.0);
        float[] out = new float[n];
        float[] att = new float[2 * 2 * 4 * 4];
        java.util.function.DoubleSupplier f = () -> {
            Attention.forward(new ScalarMatmul(), out, 0, att, 0, qkv, offs, a, serial);
            return weightedSum(out, w);
        };
        f.getAsDouble();
        float[] dqkv = new float[3 * n];
        Attention.backward(new ScalarMatmul(), dqkv, offs, w, 0, qkv, offs, att, 0, a, serial);
        check("attention dqkv", qkv, dqkv, f, H, TOL);
    }

    @Test
    void attentionIsCausalAndRowsSumToOne() {
        AttentionShape a = new AttentionShape(1, 5, 1, 2);
        float[] qkv = random(random, 30, 2.0);
        float[] att = new float[25];
        Attention.forward(new ScalarMatmul(), new float[10], 0, att, 0, qkv, new QkvOffsets(0, 10, 20), a, serial);
        for (int i = 0; i < 5; i++) {
            double sum = 0;
            for (int j = 0; j < 5; j++) {
                sum += att[i * 5 + j];
                if (j > i) {
                    assertEquals(0f, att[i * 5 + j], "future position " + j + " seen from " + i);
                }
            }
            assertEquals(1.0, sum, 1e-6);
        }
    }

    @Test
    void ropeBackwardIsTheTransposeOfForward() {
        AttentionShape a = new AttentionShape(2, 3, 2, 4);
        Rope rope = new Rope(3, 4, 10000.0);
        float[] x = random(random, 48, 1.0);
        float[] w = random(random, 48, 1.0);
        float[] y = x.clone();
        java.util.function.DoubleSupplier f = () -> {
            System.arraycopy(x, 0, y, 0, 48);
            rope.rotate(y, 0, 8, a, 1, serial);
            return weightedSum(y, w);
        };
        float[] dx = w.clone();
        rope.rotate(dx, 0, 8, a, -1, serial);
        check("rope dx", x, dx, f, H, TOL);
    }

    @Test
    void ropeLeavesPositionZeroUnchangedAndRotatesPairs() {
        AttentionShape a = new AttentionShape(1, 2, 1, 2);
        Rope rope = new Rope(2, 2, 10000.0);
        float[] x = {1f, 0f, 1f, 0f};
        rope.rotate(x, 0, 2, a, 1, serial);
        assertEquals(1f, x[0]);
        assertEquals(0f, x[1]);
        // D = 2: one pair with frequency 1, so position 1 rotates by one radian.
        assertEquals(Math.cos(1.0), x[2], 1e-7);
        assertEquals(Math.sin(1.0), x[3], 1e-7);
    }

    @Test
    void swigluGradientsMatchFiniteDifferences() {
        Rows r = new Rows(3, 4);
        float[] x = random(random, 24, 2.0);
        float[] w = random(random, 12, 1.0);
        float[] out = new float[12];
        java.util.function.DoubleSupplier f = () -> {
            Activation.swigluForward(out, 0, x, 0, r, serial);
            return weightedSum(out, w);
        };
        float[] dx = new float[24];
        Activation.swigluBackward(dx, 0, w, 0, x, 0, r, serial);
        check("swiglu dinp", x, dx, f, H, TOL);
    }

    @Test
    void geluGradientsMatchFiniteDifferences() {
        Rows r = new Rows(3, 4);
        float[] x = random(random, 12, 3.0);
        float[] w = random(random, 12, 1.0);
        float[] out = new float[12];
        java.util.function.DoubleSupplier f = () -> {
            Activation.geluForward(out, 0, x, 0, r, serial);
            return weightedSum(out, w);
        };
        float[] dx = new float[12];
        Activation.geluBackward(dx, 0, w, 0, x, 0, r, serial);
        check("gelu dinp", x, dx, f, H, TOL);
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferencesAndLossMatchesDefinition() {
        Rows r = new Rows(3, 5);
        float[] z = random(random, 15, 3.0);
        int[] targets = {4, 0, 2};
        float[] probs = new float[15];
        float[] losses = new float[3];
        java.util.function.DoubleSupplier f = () -> {
            System.arraycopy(z, 0, probs, 0, 15);
            return CrossEntropy.forward(losses, 0, probs, 0, targets, r, serial);
        };
        double loss = f.getAsDouble();
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double norm = 0;
            for (int j = 0; j < 5; j++) {
                norm += Math.exp(z[i * 5 + j]);
            }
            expected += -(z[i * 5 + targets[i]] - Math.log(norm)) / 3;
        }
        assertEquals(expected, loss, 1e-6);
        float[] dz = new float[15];
        CrossEntropy.backward(dz, 0, probs, 0, targets, r, serial);
        check("cross-entropy dlogits", z, dz, f, 1e-2, TOL);
    }

    @Test
    void embeddingBackwardAddsRowsOfRepeatedTokens() {
        Rows r = new Rows(3, 2);
        int[] tokens = {1, 0, 1};
        float[] dout = {1f, 2f, 3f, 4f, 5f, 6f};
        float[] dw = new float[4];
        Embedding.backward(dw, 0, dout, 0, tokens, r, serial);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {3f, 4f, 6f, 8f}, dw);
    }
}
