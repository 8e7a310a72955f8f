package dev.prec.format;

/**
 * A small binary floating-point format: a sign bit, {@code e} exponent bits with bias
 * {@code 2^(e-1) - 1}, and {@code m} mantissa bits with an implicit leading one for normal numbers
 * and gradual underflow (subnormals) when the exponent field is zero, as in IEEE 754.
 *
 * <p>The use of the top exponent field depends on {@link Specials}: IEEE-style formats (fp16, bf16,
 * fp8_e5m2 and the generic {@code eXmY}) reserve it for infinities and NaNs; OCP fp8_e4m3 keeps only
 * the all-ones code as NaN and has no infinities (max 448); the OCP fp6 and fp4 element formats
 * have neither (OCP 8-bit Floating Point Specification v1.0, 2023; OCP Microscaling Formats v1.0).
 *
 * @param name the preset name
 * @param exponentBits {@code e}, {@code 1 <= e <= 8}
 * @param mantissaBits {@code m}, {@code 0 <= m <= 10}
 * @param specials which codes are infinities or NaNs
 */
public record MiniFloat(String name, int exponentBits, int mantissaBits, Specials specials) implements ElementFormat {

    /** Which codes of the top exponent field are special. */
    public enum Specials {
        /** The top exponent field holds infinities (mantissa 0) and NaNs (others). */
        IEEE,
        /** Only the all-ones magnitude is NaN; there are no infinities (OCP E4M3). */
        NAN_ONLY,
        /** Every code is a finite number (OCP FP6 and FP4 elements). */
        NONE
    }

    /**
     * @throws IllegalArgumentException if {@code exponentBits < 1 || exponentBits > 8},
     *     {@code mantissaBits < 0 || mantissaBits > 10}, if the format has no positive finite value,
     *     or if its largest value exceeds {@code Float.MAX_VALUE}
     */
    public MiniFloat {
        if (name == null || name.isBlank() || specials == null) {
            throw new IllegalArgumentException("a minifloat needs a name and its special-value rule");
        }
        if (exponentBits < 1 || exponentBits > 8) {
            throw new IllegalArgumentException("minifloats have 1 to 8 exponent bits, got " + exponentBits);
        }
        if (mantissaBits < 0 || mantissaBits > 10) {
            throw new IllegalArgumentException("minifloats have 0 to 10 mantissa bits, got " + mantissaBits);
        }
        double max = magnitude(exponentBits, mantissaBits, maxCode(exponentBits, mantissaBits, specials));
        if (!(max > 0) || max > Float.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": largest finite value " + max + " is not a positive float");
        }
    }

    @Override
    public int bits() {
        return 1 + exponentBits + mantissaBits;
    }

    /** Exponent bias, {@code 2^(e-1) - 1}. */
    public int bias() {
        return (1 << (exponentBits - 1)) - 1;
    }

    /** Exponent of the smallest normal number, {@code 1 - bias}. */
    public int minExponent() {
        return 1 - bias();
    }

    /** Smallest positive normal value, {@code 2^(1 - bias)}. */
    public float minNormal() {
        return (float) Math.scalb(1.0, minExponent());
    }

    /** Smallest positive subnormal value, {@code 2^(1 - bias - m)}. */
    public float minSubnormal() {
        return (float) Math.scalb(1.0, minExponent() - mantissaBits);
    }

    @Override
    public float maxFinite() {
        return decode(maxCode(exponentBits, mantissaBits, specials));
    }

    @Override
    public boolean hasInfinity() {
        return specials == Specials.IEEE;
    }

    @Override
    public boolean usesCode(int code) {
        return code >= 0 && code < codeCount();
    }

    @Override
    public float decode(int code) {
        if (!usesCode(code)) {
            throw new IllegalArgumentException(name + " has no code " + code);
        }
        int magnitudeBits = exponentBits + mantissaBits;
        int magnitudeCode = code & ((1 << magnitudeBits) - 1);
        boolean negative = (code >>> magnitudeBits) != 0;
        int field = magnitudeCode >>> mantissaBits;
        int topField = (1 << exponentBits) - 1;
        float magnitude;
        if (specials == Specials.IEEE && field == topField) {
            magnitude = (magnitudeCode & ((1 << mantissaBits) - 1)) == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else if (specials == Specials.NAN_ONLY && magnitudeCode == (1 << magnitudeBits) - 1) {
            magnitude = Float.NaN;
        } else {
            magnitude = (float) magnitude(exponentBits, mantissaBits, magnitudeCode);
        }
        return negative ? -magnitude : magnitude;
    }

    @Override
    public int encode(float value) {
        int signCode = 1 << (exponentBits + mantissaBits);
        if (Float.isNaN(value)) {
            if (specials == Specials.NONE) {
                throw new IllegalArgumentException(name + " has no NaN");
            }
            return signCode - 1; // all-ones magnitude: NaN in both IEEE and NAN_ONLY
        }
        int sign = (Float.floatToRawIntBits(value) < 0) ? signCode : 0;
        double a = Math.abs((double) value);
        if (Double.isInfinite(a)) {
            if (!hasInfinity()) {
                throw new IllegalArgumentException(name + " has no infinities");
            }
            return sign | (((1 << exponentBits) - 1) << mantissaBits);
        }
        int exponent = Math.max(Math.getExponent(a), minExponent());
        double significand = Math.scalb(a, mantissaBits - exponent); // integer if representable
        boolean normal = Math.getExponent(a) >= minExponent() && a != 0;
        long mantissa = (long) significand - (normal ? 1L << mantissaBits : 0);
        int field = normal ? exponent + bias() : 0;
        int code = sign | (field << mantissaBits) | (int) mantissa;
        if (significand != Math.rint(significand) || (code & (signCode - 1)) > maxCode(exponentBits, mantissaBits, specials)) {
            throw new IllegalArgumentException(name + " cannot represent " + value);
        }
        return code;
    }

    /** Magnitude code of the largest finite value (the sign bit clear). */
    private static int maxCode(int e, int m, Specials specials) {
        return switch (specials) {
            case IEEE -> (((1 << e) - 1) << m) - 1;
            case NAN_ONLY -> (1 << (e + m)) - 2;
            case NONE -> (1 << (e + m)) - 1;
        };
    }

    /** Value of a finite magnitude code: {@code M * 2^(1-bias-m)} if the field is 0, else {@code (2^m + M) * 2^(E-bias-m)}. */
    private static double magnitude(int e, int m, int magnitudeCode) {
        int bias = (1 << (e - 1)) - 1;
        int field = magnitudeCode >>> m;
        int mantissa = magnitudeCode & ((1 << m) - 1);
        return field == 0
                ? Math.scalb((double) mantissa, 1 - bias - m)
                : Math.scalb((double) ((1 << m) + mantissa), field - bias - m);
    }
}
