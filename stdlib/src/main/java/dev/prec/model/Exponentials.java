package dev.prec.model;

import dev.prec.tensor.Vectorization;
import dev.prec.tensor.VectorOps;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exponential-bound row kernels of the step (SwiGLU and its derivative, the shifted exponentials
 * of a softmax), each with its scalar reference beside the Vector API path. The vector path computes
 * the exponential with {@link Simd#exp}, a polynomial over exactly rounded lane operations, so it
 * agrees with the reference within a few ulps rather than bit for bit, and gives the same bits
 * whatever the JIT has compiled. Vectors are used when
 * {@link Vectorization#enabled()} and the row has at least two vectors of elements.
 */
final class Exponentials {

    /** Whether the vector path is used at all (decided once, as the tensor package decides). */
    static final boolean VECTOR = Vectorization.enabled();

    private Exponentials() {
    }

    /**
     * One SwiGLU row: {@code out[j] = silu(gate[j]) * up[j]}, {@code silu(z) = z / (1 + exp(-z))}.
     *
     * @param out F floats from {@code o}
     * @param inp gate at {@code g .. g+F), up at {@code g+F .. g+2F)}
     * @param f F, {@code >= 0}
     */
    static void swiglu(float[] out, int o, float[] inp, int g, int f) {
        if (VECTOR && f >= 2 * Simd.LANES) {
            Simd.swiglu(out, o, inp, g, f);
        } else {
            swigluScalar(out, o, inp, g, f, 0);
        }
    }

    /** Scalar reference of {@link #swiglu}, from element {@code from}. */
    static void swigluScalar(float[] out, int o, float[] inp, int g, int f, int from) {
        for (int j = from; j < f; j++) {
            float z = inp[g + j];
            float sig = 1f / (1f + (float) Math.exp(-z));
            out[o + j] = z * sig * inp[g + f + j];
        }
    }

    /**
     * Accumulates one SwiGLU row's gradient: from {@code out = z sigma(z) u},
     * {@code du += dout z sigma(z)}, {@code dz += dout u sigma(z) (1 + z (1 - sigma(z)))}.
     *
     * @param dinp dgate at {@code dg .. dg+F)}, dup after it; accumulated
     * @param dout F floats from {@code o}
     * @param inp forward input, gate at {@code g}, up at {@code g+F}
     * @param f F, {@code >= 0}
     */
    static void swigluBackward(float[] dinp, int dg, float[] dout, int o, float[] inp, int g, int f) {
        if (VECTOR && f >= 2 * Simd.LANES) {
            Simd.swigluBackward(dinp, dg, dout, o, inp, g, f);
        } else {
            swigluBackwardScalar(dinp, dg, dout, o, inp, g, f, 0);
        }
    }

    /** Scalar reference of {@link #swigluBackward}, from element {@code from}. */
    static void swigluBackwardScalar(float[] dinp, int dg, float[] dout, int o, float[] inp, int g, int f, int from) {
        for (int j = from; j < f; j++) {
            float z = inp[g + j];
            float u = inp[g + f + j];
            float sig = 1f / (1f + (float) Math.exp(-z));
            float dy = dout[o + j];
            dinp[dg + f + j] += dy * z * sig;
            dinp[dg + j] += dy * u * sig * (1f + z * (1f - sig));
        }
    }

    /**
     * Replaces {@code x[i]} by {@code exp(x[i] - shift)} for {@code i < n} and returns their sum in
     * float (the softmax numerator and denominator).
     *
     * @param x n floats from {@code off}, updated in place
     * @param shift subtracted before the exponential (the row maximum, so no term overflows)
     * @param n length, {@code >= 0}
     * @return the sum of the new values
     */
    static float expShift(float[] x, int off, int n, float shift) {
        if (VECTOR && n >= 2 * Simd.LANES) {
            return Simd.expShift(x, off, n, shift);
        }
        return expShiftScalar(x, off, n, shift);
    }

    /** Scalar reference of {@link #expShift}. */
    static float expShiftScalar(float[] x, int off, int n, float shift) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[off + i] - shift);
            x[off + i] = e;
            sum += e;
        }
        return sum;
    }

    /** The vector paths; a nested class so the Vector API is only loaded when enabled. */
    static final class Simd {
        private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
                VectorShape.forBitSize(Math.max(128, Vectorization.bits())));
        /** Floats per vector. */
        static final int LANES = VECTOR ? F.length() : Integer.MAX_VALUE / 4;

        private Simd() {
        }

        static void swiglu(float[] out, int o, float[] inp, int g, int f) {
            int bound = F.loopBound(f);
            for (int j = 0; j < bound; j += LANES) {
                FloatVector z = FloatVector.fromArray(F, inp, g + j);
                FloatVector u = FloatVector.fromArray(F, inp, g + f + j);
                FloatVector sig = sigmoid(z);
                z.mul(sig).mul(u).intoArray(out, o + j);
            }
            swigluScalar(out, o, inp, g, f, bound);
        }

        static void swigluBackward(float[] dinp, int dg, float[] dout, int o, float[] inp, int g, int f) {
            int bound = F.loopBound(f);
            for (int j = 0; j < bound; j += LANES) {
                FloatVector z = FloatVector.fromArray(F, inp, g + j);
                FloatVector u = FloatVector.fromArray(F, inp, g + f + j);
                FloatVector dy = FloatVector.fromArray(F, dout, o + j);
                FloatVector sig = sigmoid(z);
                FloatVector du = dy.mul(z).mul(sig);
                du.add(FloatVector.fromArray(F, dinp, dg + f + j)).intoArray(dinp, dg + f + j);
                // 1 + z (1 - sigma) = 1 + z - z sigma
                FloatVector slope = z.sub(z.mul(sig)).add(1f);
                FloatVector dz = dy.mul(u).mul(sig).mul(slope);
                dz.add(FloatVector.fromArray(F, dinp, dg + j)).intoArray(dinp, dg + j);
            }
            swigluBackwardScalar(dinp, dg, dout, o, inp, g, f, bound);
        }

        static float expShift(float[] x, int off, int n, float shift) {
            int bound = F.loopBound(n);
            FloatVector acc = FloatVector.zero(F);
            for (int i = 0; i < bound; i += LANES) {
                FloatVector e = exp(FloatVector.fromArray(F, x, off + i).sub(shift));
                e.intoArray(x, off + i);
                acc = acc.add(e);
            }
            float sum = VectorOps.sumLanes(acc);
            for (int i = bound; i < n; i++) {
                float e = (float) Math.exp(x[off + i] - shift);
                x[off + i] = e;
                sum += e;
            }
            return sum;
        }

        /** Below this, exp underflows to (sub)normals; the kernel returns exactly 0 there. */
        private static final float EXP_LO = -87.33f;
        /** Above this, 2^n would leave the float exponent range; inputs are clamped to it. */
        private static final float EXP_HI = 88.0f;
        private static final float LOG2E = 1.44269504f;
        /** ln 2 split so that n * LN2_HI is exact for |n| < 2^9 (Cody and Waite). */
        private static final float LN2_HI = 0.693145752f;
        private static final float LN2_LO = 1.42860677e-6f;
        /** 1.5 * 2^23: adding and subtracting it rounds a float to the nearest integer. */
        private static final float ROUND = 12582912f;

        /**
         * exp(x) lane by lane from exactly rounded operations only: n = round(x / ln 2),
         * r = x - n ln 2 (|r| <= ln 2 / 2), exp(r) by its degree-7 Taylor polynomial (truncation
         * error below 6e-9 relative, well under half an ulp), scaled by 2^n through the exponent bits.
         *
         * <p>Why not {@code lanewise(EXP)}: the Vector API computes it per lane with
         * {@code Math.exp} until C2 compiles the loop and with a short-vector math library after,
         * and the two differ in the last bit, so a run's losses depended on JIT timing (a resumed
         * run differed from an uninterrupted one). Adds, multiplies, fmas, conversions and blends
         * are exactly specified, so this polynomial gives the same bits in every tier.
         *
         * @param x any floats; NaN gives NaN, inputs below {@value #EXP_LO} give 0, inputs above
         *     {@value #EXP_HI} are clamped to it (the softmax shifts its inputs to at most 0, and
         *     the sigmoid's exp(-z) saturates long before)
         * @return exp(x) within about 1 ulp
         */
        static FloatVector exp(FloatVector x) {
            FloatVector c = x.min(EXP_HI).max(EXP_LO);
            FloatVector n = c.fma(FloatVector.broadcast(F, LOG2E), FloatVector.broadcast(F, ROUND)).sub(ROUND);
            FloatVector r = n.fma(FloatVector.broadcast(F, -LN2_HI), c);
            r = n.fma(FloatVector.broadcast(F, -LN2_LO), r);
            FloatVector p = FloatVector.broadcast(F, 1f / 5040f);
            p = p.fma(r, FloatVector.broadcast(F, 1f / 720f));
            p = p.fma(r, FloatVector.broadcast(F, 1f / 120f));
            p = p.fma(r, FloatVector.broadcast(F, 1f / 24f));
            p = p.fma(r, FloatVector.broadcast(F, 1f / 6f));
            p = p.fma(r, FloatVector.broadcast(F, 0.5f));
            p = p.fma(r, FloatVector.broadcast(F, 1f));
            p = p.fma(r, FloatVector.broadcast(F, 1f));
            IntVector bits = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
            FloatVector scaled = p.mul(bits.reinterpretAsFloats());
            FloatVector zero = FloatVector.zero(F);
            return scaled.blend(zero, x.compare(VectorOperators.LT, EXP_LO));
        }

        private static FloatVector sigmoid(FloatVector z) {
            FloatVector one = FloatVector.broadcast(F, 1f);
            return one.div(exp(z.neg()).add(one));
        }
    }
}
