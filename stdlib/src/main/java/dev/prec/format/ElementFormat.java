package dev.prec.format;

/**
 * A format whose elements are codes of a fixed grid: signed integers ({@link IntFormat}) or
 * minifloats ({@link MiniFloat}). Values on the grid are in "grid units": an integer format's grid is
 * the integers {@code qMin..qMax}; a minifloat's grid is its representable values.
 */
public sealed interface ElementFormat extends NumberFormat permits IntFormat, MiniFloat {

    /** Number of distinct codes, {@code 2^bits()}. */
    default int codeCount() {
        return 1 << bits();
    }

    /**
     * Whether {@code code} is a code of this format (narrow-range integers leave one code unused).
     *
     * @param code a bit pattern in {@code [0, codeCount())}
     */
    boolean usesCode(int code);

    /**
     * The value of a code.
     *
     * @param code a bit pattern in {@code [0, codeCount())} with {@link #usesCode} true
     * @return the value in grid units (NaN and infinities for codes that encode them)
     * @throws IllegalArgumentException if {@code code < 0 || code >= codeCount() || !usesCode(code)}
     */
    float decode(int code);

    /**
     * The code of a representable value (the inverse of {@link #decode}); NaN gives this format's NaN
     * code, a zero keeps its sign where the format has signed zeros.
     *
     * @param value a value in grid units that the format represents exactly
     * @return its code
     * @throws IllegalArgumentException if {@code value} is not representable (or NaN where the format has no NaN)
     */
    int encode(float value);

    /** Largest finite value in grid units (an integer format's {@code qMax}). */
    float maxFinite();

    /** Whether the format encodes infinities (IEEE-style minifloats). */
    boolean hasInfinity();
}
