package dev.prec.tensor;

/**
 * The reference {@link FloatOps}: one plain loop per method, in index order. The vector kernels are
 * tested against it.
 */
public final class ScalarOps implements FloatOps {

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        float acc = 0f;
        for (int i = 0; i < n; i++) {
            acc = Math.fma(x[xOff + i], y[yOff + i], acc);
        }
        return acc;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, int n) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        float acc = 0f;
        for (int i = 0; i < n; i++) {
            acc += x[xOff + i];
        }
        return acc;
    }

    @Override
    public float max(float[] x, int xOff, int n) {
        float best = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            best = Math.max(best, x[xOff + i]);
        }
        return best;
    }

    @Override
    public void add(float[] out, int outOff, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }
}
