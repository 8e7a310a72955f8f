package dev.prec.tensor;

/**
 * The reference {@link Matmul}: plain loops, one thread, float accumulation in the natural order of
 * the reduction index. Slow and obvious; every fast kernel is tested against it.
 */
public final class ScalarMatmul implements Matmul {

    @Override
    public void abT(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate) {
        for (int i = 0; i < s.m(); i++) {
            for (int j = 0; j < s.n(); j++) {
                float sum = 0f;
                for (int p = 0; p < s.k(); p++) {
                    sum += a[aOff + i * s.k() + p] * b[bOff + j * s.k() + p];
                }
                store(out, outOff + i * s.n() + j, sum, accumulate);
            }
        }
    }

    @Override
    public void ab(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate) {
        for (int i = 0; i < s.m(); i++) {
            for (int j = 0; j < s.n(); j++) {
                float sum = 0f;
                for (int p = 0; p < s.k(); p++) {
                    sum += a[aOff + i * s.k() + p] * b[bOff + p * s.n() + j];
                }
                store(out, outOff + i * s.n() + j, sum, accumulate);
            }
        }
    }

    @Override
    public void aTb(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate) {
        for (int i = 0; i < s.m(); i++) {
            for (int j = 0; j < s.n(); j++) {
                float sum = 0f;
                for (int p = 0; p < s.k(); p++) {
                    sum += a[aOff + p * s.m() + i] * b[bOff + p * s.n() + j];
                }
                store(out, outOff + i * s.n() + j, sum, accumulate);
            }
        }
    }

    private static void store(float[] out, int index, float sum, boolean accumulate) {
        out[index] = accumulate ? out[index] + sum : sum;
    }
}
