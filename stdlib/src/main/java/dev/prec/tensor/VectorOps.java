package dev.prec.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link FloatOps}, with {@link ScalarOps} as its reference. Requires
 * {@link Vectorization#enabled()}; get it through {@link FloatOps#best()}.
 *
 * <p>Shape of every kernel (after Lucene's {@code PanamaVectorUtilSupport}): a vector body over
 * {@code F.loopBound(n)}, then a scalar tail for the last {@code n mod lanes} elements. The
 * reductions unroll the body four vectors at a time into four accumulators, because one
 * accumulator would wait on the latency of each add (4 cycles) instead of its throughput, then run
 * a one-accumulator vector tail and a single lane sum, {@link #sumLanes}.
 */
public final class VectorOps implements FloatOps {

    private static final VectorSpecies<Float> F = Lanes.FLOAT;
    private static final int L = Lanes.LENGTH;

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        float acc = 0f;
        if (n >= L) {
            FloatVector s0 = FloatVector.zero(F);
            FloatVector s1 = FloatVector.zero(F);
            FloatVector s2 = FloatVector.zero(F);
            FloatVector s3 = FloatVector.zero(F);
            for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
                s0 = FloatVector.fromArray(F, x, xOff + i).fma(FloatVector.fromArray(F, y, yOff + i), s0);
                s1 = FloatVector.fromArray(F, x, xOff + i + L).fma(FloatVector.fromArray(F, y, yOff + i + L), s1);
                s2 = FloatVector.fromArray(F, x, xOff + i + 2 * L).fma(FloatVector.fromArray(F, y, yOff + i + 2 * L), s2);
                s3 = FloatVector.fromArray(F, x, xOff + i + 3 * L).fma(FloatVector.fromArray(F, y, yOff + i + 3 * L), s3);
            }
            for (int bound = F.loopBound(n); i < bound; i += L) {
                s0 = FloatVector.fromArray(F, x, xOff + i).fma(FloatVector.fromArray(F, y, yOff + i), s0);
            }
            acc = sumLanes(s0.add(s1).add(s2.add(s3)));
        }
        for (; i < n; i++) {
            acc = Math.fma(x[xOff + i], y[yOff + i], acc);
        }
        return acc;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        FloatVector a = FloatVector.broadcast(F, alpha);
        for (int bound = F.loopBound(n); i < bound; i += L) {
            a.fma(FloatVector.fromArray(F, x, xOff + i), FloatVector.fromArray(F, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        int i = 0;
        float acc = 0f;
        if (n >= L) {
            FloatVector s0 = FloatVector.zero(F);
            FloatVector s1 = FloatVector.zero(F);
            FloatVector s2 = FloatVector.zero(F);
            FloatVector s3 = FloatVector.zero(F);
            for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
                s0 = s0.add(FloatVector.fromArray(F, x, xOff + i));
                s1 = s1.add(FloatVector.fromArray(F, x, xOff + i + L));
                s2 = s2.add(FloatVector.fromArray(F, x, xOff + i + 2 * L));
                s3 = s3.add(FloatVector.fromArray(F, x, xOff + i + 3 * L));
            }
            for (int bound = F.loopBound(n); i < bound; i += L) {
                s0 = s0.add(FloatVector.fromArray(F, x, xOff + i));
            }
            acc = sumLanes(s0.add(s1).add(s2.add(s3)));
        }
        for (; i < n; i++) {
            acc += x[xOff + i];
        }
        return acc;
    }

    @Override
    public float max(float[] x, int xOff, int n) {
        int i = 0;
        float best = Float.NEGATIVE_INFINITY;
        if (n >= L) {
            // max is exact and order-free, so one accumulator is enough for a correct result
            FloatVector m = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (int bound = F.loopBound(n); i < bound; i += L) {
                m = m.max(FloatVector.fromArray(F, x, xOff + i));
            }
            best = m.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            best = Math.max(best, x[xOff + i]);
        }
        return best;
    }

    @Override
    public void add(float[] out, int outOff, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, x, xOff + i).add(FloatVector.fromArray(F, y, yOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    /**
     * The sum of a vector's lanes, added in lane order 0, 1, 2, ... in float.
     *
     * <p>Why not {@code reduceLanes(ADD)}: its order of additions is unspecified, and on this JDK
     * the C2-compiled intrinsic adds in a different order from the interpreted and C1 code, so a
     * run's last bits would depend on when the JIT compiled a kernel (seen as validation losses that
     * differed between two identical sweeps in one JVM). A fixed order keeps every kernel a pure
     * function of its inputs; the cost is one lane extraction per lane and reduction, not per element.
     * Lanes are read with {@code lane(i)} rather than {@code toArray()}: the array escaped the JIT's
     * escape analysis and was the largest allocation left in a training step (measured with JFR
     * allocation samples: about 40% of the bytes allocated per step on configuration a).
     *
     * @param v the vector to sum; NaN or infinite lanes propagate as in scalar addition
     * @return {@code v[0] + v[1] + ... + v[lanes-1]}, left to right
     */
    public static float sumLanes(FloatVector v) {
        float sum = 0f;
        for (int i = 0; i < v.length(); i++) {
            sum += v.lane(i);
        }
        return sum;
    }
}
