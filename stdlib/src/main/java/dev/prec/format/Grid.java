package dev.prec.format;

/**
 * An element format's grid as the kernels see it, with the scalar reference rounding: the obvious
 * definition every fast path is tested against.
 *
 * <p>Inputs are in grid units (already multiplied by the reciprocal of the group's grid unit). Rounding
 * saturates: finite values beyond the largest grid magnitude become that magnitude.
 */
final class Grid {

    /** The format this grid belongs to. */
    final ElementFormat format;
    /** True for integer grids (step 1 everywhere), false for minifloats. */
    final boolean integer;
    /** Largest positive grid value. */
    final float max;
    /** Largest magnitude of a negative grid value ({@code -qMin} for integers, else {@code max}). */
    final float negativeLimit;
    /** Mantissa bits of a minifloat grid (0 for integers). */
    final int mantissaBits;
    /** Exponent of the smallest normal minifloat (0 for integers). */
    final int minExponent;
    /** Smallest positive normal minifloat, {@code 2^minExponent} (1 for integers). */
    final float minNormal;
    /** Whether infinite inputs stay infinite (else they saturate). */
    final boolean hasInfinity;
    /**
     * {@code 2^(minExponent - m + 23)}: a float whose unit in the last place is the subnormal step,
     * so {@code (a + it) - it} rounds a subnormal magnitude {@code a} to the grid (minifloats only).
     */
    final float subnormalMagic;

    Grid(ElementFormat format) {
        this.format = format;
        this.max = format.maxFinite();
        this.hasInfinity = format.hasInfinity();
        if (format instanceof IntFormat f) {
            integer = true;
            negativeLimit = -f.qMin();
            mantissaBits = 0;
            minExponent = 0;
            minNormal = 1f;
        } else {
            MiniFloat f = (MiniFloat) format;
            integer = false;
            negativeLimit = max;
            mantissaBits = f.mantissaBits();
            minExponent = f.minExponent();
            minNormal = f.minNormal();
        }
        subnormalMagic = (float) Math.scalb(1.0, minExponent - mantissaBits + 23);
    }

    /**
     * Rounds {@code y} to the nearest grid value, ties to the even code, with saturation.
     *
     * @param y a value in grid units; NaN gives {@code Float.NaN}, infinities stay infinite if the
     *     format has them and saturate otherwise
     * @return the grid value, with the sign of {@code y} when it is zero
     */
    float round(float y) {
        if (Float.isNaN(y)) {
            return Float.NaN;
        }
        if (Float.isInfinite(y) && hasInfinity) {
            return y;
        }
        double a = Math.min(Math.abs((double) y), limit(y));
        double quantum = quantum(a);
        double steps = a / quantum;
        double rounded = Math.rint(steps);
        if (!integer && mantissaBits == 0 && a >= minNormal && steps - Math.floor(steps) == 0.5) {
            // Without mantissa bits a normal binade holds one value, so the even code is the one
            // with the even exponent field, not the even multiple of the step.
            boolean lowerFieldEven = ((Math.getExponent(a) + 1 - minExponent) & 1) == 0;
            rounded = lowerFieldEven ? Math.floor(steps) : Math.ceil(steps);
        }
        return Math.copySign((float) (rounded * quantum), y);
    }

    /**
     * Rounds {@code y} stochastically to one of its two neighbouring grid values.
     *
     * <p>Integers: with {@code f} the fraction of the magnitude above its floor, rounds up iff
     * {@code u < f} where {@code u = (random >>> 8) * 2^-24}. Minifloats: the magnitude's fp32 bits
     * below the grid step form {@code k = 23 - m} bits {@code F}; rounds up iff
     * {@code F + (random & (2^k - 1)) >= 2^k}. Below the smallest normal the magnitude is first moved
     * up by {@code minNormal} (an fp32 addition) so the same rule applies with the subnormal step.
     *
     * @param y a value in grid units (special values as in {@link #round})
     * @param random 32 uniformly random bits
     * @return a neighbouring grid value of {@code y}, with the sign of {@code y} when it is zero
     */
    float roundStochastic(float y, int random) {
        if (Float.isNaN(y)) {
            return Float.NaN;
        }
        if (Float.isInfinite(y) && hasInfinity) {
            return y;
        }
        float a = (float) Math.min(Math.abs((double) y), limit(y));
        double magnitude;
        if (integer) {
            double floor = Math.floor(a);
            double u = (random >>> 8) * 0x1p-24;
            magnitude = u < a - floor ? floor + 1 : floor;
        } else {
            boolean subnormal = a < minNormal;
            float shifted = subnormal ? a + minNormal : a;
            double quantum = quantum(shifted);
            double steps = shifted / quantum;
            double floor = Math.floor(steps);
            int k = 23 - mantissaBits;
            long fractionBits = (long) Math.scalb(steps - floor, k);
            long draw = random & ((1L << k) - 1);
            double up = (fractionBits + draw >= (1L << k)) ? 1 : 0;
            magnitude = (floor + up) * quantum - (subnormal ? minNormal : 0);
        }
        return Math.copySign((float) magnitude, y);
    }

    /** Largest magnitude allowed for a value with the sign of {@code y}. */
    private double limit(float y) {
        return Float.floatToRawIntBits(y) < 0 ? negativeLimit : max;
    }

    /** Grid step at magnitude {@code a}: 1 for integers, {@code 2^(max(exponent(a), emin) - m)} for minifloats. */
    private double quantum(double a) {
        if (integer) {
            return 1.0;
        }
        return Math.scalb(1.0, Math.max(Math.getExponent(a), minExponent) - mantissaBits);
    }
}
