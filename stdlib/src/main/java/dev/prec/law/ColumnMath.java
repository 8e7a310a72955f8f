package dev.prec.law;

import dev.prec.tensor.Vectorization;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The transcendental column operations of the compiled program ({@code exp}, {@code log}), the
 * bulk of a law's evaluation cost: a scalar reference ({@link #exp(double)}, {@link #log(double)})
 * and a Vector API path ({@link Simd}) that computes the same algorithm lane by lane, giving the
 * same bits as the reference for every input.
 *
 * <p>Why not {@code DoubleVector.lanewise(EXP)}, {@code lanewise(LOG)} or {@link Math#exp}: a fit
 * must be a pure function of its inputs and seed (ARCHITECTURE.md). The lanewise operations run
 * {@code Math.exp} per lane until C2 compiles the loop and a short-vector math library after, and
 * the two differ in the last bit for a few inputs in a hundred (measured on JDK 25, AVX-512: 53 of
 * 1024 exp and 38 of 65536 log results), so a fit's last digits depended on how warm the JIT was.
 * {@code Math.exp} per element is stable but scalar. Here both paths use only operations whose
 * results Java specifies exactly (add, subtract, multiply, divide, fma, min, max, comparisons,
 * integer and bit operations, conversions), so every JIT tier and both paths agree bit for bit.
 *
 * <p>Accuracy (tested against {@link Math#exp} and {@link Math#log}): within about 1 ulp for
 * results in the normal range, which is all a fit needs (its convergence tolerances are 1e-10
 * relative and coarser). The vector path is used when {@link Vectorization#enabled()} and a column
 * has at least two vectors of entries.
 */
final class ColumnMath {

    /** Whether the vector path is used at all (decided once, as the tensor package decides). */
    static final boolean VECTOR = Vectorization.enabled();

    /** Inputs above this overflow to +Infinity; clamping here keeps 2^k inside the exponent range. */
    static final double EXP_HI = 710;
    /** Inputs below this give 0 (exp(-746) is below half the smallest subnormal). */
    static final double EXP_LO = -746;
    static final double LOG2E = 1.4426950408889634;
    /** ln 2 split as fdlibm does: LN2_HI has 32 significant bits, so k * LN2_HI is exact for |k| < 2^20. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding and subtracting it rounds a double of magnitude below 2^51 to an integer. */
    static final double ROUND = 6755399441055744.0;
    /** 2^54, scaling subnormal arguments of log into the normal range. */
    static final double TWO54 = 18014398509481984.0;
    /** The significand bits of a double. */
    static final long SIGNIFICAND = 0x000fffffffffffffL;
    /** The significand bits of sqrt(2): significands at or above it are halved, so m is in [sqrt(1/2), sqrt(2)). */
    static final long SQRT2_SIGNIFICAND = 0x6a09e667f3bcdL;

    /**
     * Taylor coefficients 1/k! of exp(r) for k = 13 down to 2. On |r| <= ln 2 / 2 the truncation
     * error of the degree-13 polynomial is below (ln 2 / 2)^14 / 14! = 4e-18, a fiftieth of an ulp.
     */
    static final double[] EXP_COEFFICIENTS = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0,
        1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0,
        1.0 / 6.0, 0.5};
    /**
     * Coefficients 2/(2k+1) of log(1+f) = 2 atanh(s), s = f/(2+f), for k = 9 down to 1, in fdlibm's
     * arrangement log(1+f) = f - (hfsq - s (hfsq + R(s^2))), hfsq = f^2/2, R(z) = sum 2 z^k/(2k+1).
     * On |s| <= 0.1716 the first omitted term is below s^20/21 = 2e-17 relative, a tenth of an ulp.
     */
    static final double[] LOG_COEFFICIENTS = {2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13, 2.0 / 11, 2.0 / 9, 2.0 / 7,
        2.0 / 5, 2.0 / 3};

    private ColumnMath() {
    }

    /**
     * {@code out[i] = exp(in[i])} for {@code 0 <= i < n}, as {@link #exp(double)}.
     *
     * @param out destination, length at least {@code n}; may be {@code in}
     * @param in arguments, length at least {@code n}
     * @param n number of entries, {@code >= 0}
     */
    static void exp(double[] out, double[] in, int n) {
        if (VECTOR && n >= 2 * Simd.LANES) {
            Simd.exp(out, in, n);
        } else {
            expScalar(out, in, 0, n);
        }
    }

    /**
     * {@code out[i] = log(in[i])} for {@code 0 <= i < n}, as {@link #log(double)}: NaN for negative
     * entries and {@code -Infinity} for zero (the domain check relies on the NaN).
     *
     * @param out destination, length at least {@code n}; may be {@code in}
     * @param in arguments, length at least {@code n}
     * @param n number of entries, {@code >= 0}
     */
    static void log(double[] out, double[] in, int n) {
        if (VECTOR && n >= 2 * Simd.LANES) {
            Simd.log(out, in, n);
        } else {
            logScalar(out, in, 0, n);
        }
    }

    /** Scalar reference of {@link #exp(double[], double[], int)} and tail of the vector path, from entry {@code from}. */
    static void expScalar(double[] out, double[] in, int from, int n) {
        for (int i = from; i < n; i++) {
            out[i] = exp(in[i]);
        }
    }

    /** Scalar reference of {@link #log(double[], double[], int)} and tail of the vector path, from entry {@code from}. */
    static void logScalar(double[] out, double[] in, int from, int n) {
        for (int i = from; i < n; i++) {
            out[i] = log(in[i]);
        }
    }

    /**
     * e^x from exactly rounded operations: k = round(x / ln 2), r = x - k ln 2 (|r| <= ln 2 / 2,
     * Cody and Waite's two-part ln 2 with fused multiply-adds), e^r by its degree-13 Taylor
     * polynomial in Horner form, times 2^k built in the exponent bits as 2^(k/2) 2^(k - k/2) so
     * that results near overflow and in the subnormal range need no special case.
     *
     * @param x any double
     * @return e^x within about 1 ulp for results in the normal range; +Infinity above about 709.78,
     *     0 below -746, NaN for NaN; subnormal results are rounded twice (a relative error up to
     *     2^-52 of the smallest normal, irrelevant to a fit)
     */
    static double exp(double x) {
        double c = Math.max(Math.min(x, EXP_HI), EXP_LO);
        double k = Math.fma(c, LOG2E, ROUND) - ROUND;
        double r = Math.fma(k, -LN2_HI, c);
        r = Math.fma(k, -LN2_LO, r);
        double p = EXP_COEFFICIENTS[0];
        for (int j = 1; j < EXP_COEFFICIENTS.length; j++) {
            p = Math.fma(p, r, EXP_COEFFICIENTS[j]);
        }
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long n = (long) k;
        long n1 = n >> 1;
        long n2 = n - n1;
        return p * Double.longBitsToDouble((n1 + 1023) << 52) * Double.longBitsToDouble((n2 + 1023) << 52);
    }

    /**
     * The natural logarithm from exactly rounded operations (the decomposition of fdlibm's
     * {@code e_log.c}, with Taylor instead of minimax coefficients): x = 2^e m with m in
     * [sqrt(1/2), sqrt(2)), f = m - 1 (exact), log x = e ln 2 + log(1 + f) with log(1 + f) as
     * {@link #LOG_COEFFICIENTS} describes. Subnormal x are first scaled by 2^54.
     *
     * @param x any double
     * @return log x within about 1 ulp; NaN for x &lt; 0 or NaN, -Infinity for +-0, +Infinity for +Infinity
     */
    static double log(double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            return logSpecial(x);
        }
        double scale = x < Double.MIN_NORMAL ? TWO54 : 1.0;
        long bits = Double.doubleToRawLongBits(x * scale);
        long significand = bits & SIGNIFICAND;
        // 1 when the significand is at least sqrt(2)'s (significand < 2^52, so the sum stays below 2^53).
        long high = (significand + (SIGNIFICAND + 1 - SQRT2_SIGNIFICAND)) >>> 52;
        long e = (bits >>> 52) - (Double.doubleToRawLongBits(scale) >>> 52) + high;
        double m = Double.longBitsToDouble(significand | ((1023 - high) << 52));
        double dk = (double) e;
        double f = m - 1.0;
        double s = f / (f + 2.0);
        double z = s * s;
        double q = LOG_COEFFICIENTS[0];
        for (int j = 1; j < LOG_COEFFICIENTS.length; j++) {
            q = Math.fma(q, z, LOG_COEFFICIENTS[j]);
        }
        double rz = z * q;
        double hfsq = 0.5 * f * f;
        return dk * LN2_HI - ((hfsq - (s * (hfsq + rz) + dk * LN2_LO)) - f);
    }

    /**
     * log x for x outside (0, +Infinity), shared by both paths: with s = sqrt(x) + 0 (which turns
     * -0 into +0), s - 1/s is -Infinity for +-0, +Infinity for +Infinity and NaN for negative x and NaN.
     */
    static double logSpecial(double x) {
        double s = Math.sqrt(x) + 0.0;
        return s - 1.0 / s;
    }

    /**
     * The vector path: {@link #exp(double)} and {@link #log(double)} lane by lane, operation for
     * operation, so each lane has the reference's bits. A nested class so that the Vector API is
     * only loaded when enabled.
     */
    static final class Simd {
        private static final VectorSpecies<Double> D = VectorSpecies.of(double.class,
                VectorShape.forBitSize(Math.max(128, Vectorization.bits())));
        private static final VectorSpecies<Long> L = VectorSpecies.of(long.class, D.vectorShape());
        /** Doubles per vector. */
        static final int LANES = VECTOR ? D.length() : Integer.MAX_VALUE / 4;

        private Simd() {
        }

        static void exp(double[] out, double[] in, int n) {
            int bound = D.loopBound(n);
            for (int i = 0; i < bound; i += LANES) {
                exp(DoubleVector.fromArray(D, in, i)).intoArray(out, i);
            }
            expScalar(out, in, bound, n);
        }

        static void log(double[] out, double[] in, int n) {
            int bound = D.loopBound(n);
            for (int i = 0; i < bound; i += LANES) {
                DoubleVector x = DoubleVector.fromArray(D, in, i);
                VectorMask<Double> inside = x.compare(VectorOperators.GT, 0.0)
                        .and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
                DoubleVector y = logInside(x);
                if (inside.allTrue()) {
                    y.intoArray(out, i);
                } else {
                    // Rare (a domain violation): the special lanes as the reference computes them.
                    double[] xs = x.toArray();
                    y.intoArray(out, i);
                    for (int j = 0; j < LANES; j++) {
                        if (!inside.laneIsSet(j)) {
                            out[i + j] = logSpecial(xs[j]);
                        }
                    }
                }
            }
            logScalar(out, in, bound, n);
        }

        /** {@link ColumnMath#exp(double)} per lane. */
        static DoubleVector exp(DoubleVector x) {
            DoubleVector c = x.min(EXP_HI).max(EXP_LO);
            DoubleVector k = c.fma(DoubleVector.broadcast(D, LOG2E), DoubleVector.broadcast(D, ROUND)).sub(ROUND);
            DoubleVector r = k.fma(DoubleVector.broadcast(D, -LN2_HI), c);
            r = k.fma(DoubleVector.broadcast(D, -LN2_LO), r);
            DoubleVector p = DoubleVector.broadcast(D, EXP_COEFFICIENTS[0]);
            for (int j = 1; j < EXP_COEFFICIENTS.length; j++) {
                p = p.fma(r, DoubleVector.broadcast(D, EXP_COEFFICIENTS[j]));
            }
            DoubleVector one = DoubleVector.broadcast(D, 1.0);
            p = p.fma(r, one);
            p = p.fma(r, one);
            LongVector n = (LongVector) k.convert(VectorOperators.D2L, 0);
            LongVector n1 = n.lanewise(VectorOperators.ASHR, 1);
            LongVector n2 = n.sub(n1);
            DoubleVector s1 = n1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = n2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            return p.mul(s1).mul(s2);
        }

        /**
         * {@link ColumnMath#log(double)} per lane for lanes in (0, +Infinity); other lanes get
         * meaningless values, which {@link #log(double[], double[], int)} replaces. No blend of the
         * result: in a method this long C2 left a final blend to the Vector API's Java fallback,
         * which then took more time than the logarithm itself.
         */
        static DoubleVector logInside(DoubleVector x) {
            DoubleVector scale = DoubleVector.broadcast(D, 1.0).blend(TWO54, x.compare(VectorOperators.LT, Double.MIN_NORMAL));
            LongVector bits = x.mul(scale).reinterpretAsLongs();
            LongVector significand = bits.and(SIGNIFICAND);
            LongVector high = significand.add(SIGNIFICAND + 1 - SQRT2_SIGNIFICAND).lanewise(VectorOperators.LSHR, 52);
            LongVector e = bits.lanewise(VectorOperators.LSHR, 52)
                    .sub(scale.reinterpretAsLongs().lanewise(VectorOperators.LSHR, 52)).add(high);
            DoubleVector m = significand.or(LongVector.broadcast(L, 1023).sub(high).lanewise(VectorOperators.LSHL, 52))
                    .reinterpretAsDoubles();
            DoubleVector dk = (DoubleVector) e.convert(VectorOperators.L2D, 0);
            DoubleVector f = m.sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector q = DoubleVector.broadcast(D, LOG_COEFFICIENTS[0]);
            for (int j = 1; j < LOG_COEFFICIENTS.length; j++) {
                q = q.fma(z, DoubleVector.broadcast(D, LOG_COEFFICIENTS[j]));
            }
            DoubleVector rz = z.mul(q);
            DoubleVector hfsq = f.mul(0.5).mul(f);
            return dk.mul(LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(rz)).add(dk.mul(LN2_LO))).sub(f));
        }
    }
}
