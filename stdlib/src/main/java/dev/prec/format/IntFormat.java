package dev.prec.format;

/**
 * Signed two's-complement integers of {@code bits} bits, the paper's symmetric scheme
 * (Kumar et al. 2024, section 2): {@code qMin = -2^(bits-1)}, {@code qMax = 2^(bits-1) - 1}, absmax
 * scale {@code s = max|x| / qMax}. The narrow range drops {@code -2^(bits-1)} so the grid is
 * symmetric, {@code -qMax..qMax}, and its code {@code 1 << (bits-1)} is unused.
 *
 * @param bits total bits, {@code 2 <= bits <= 16}
 * @param narrow whether the grid is {@code -qMax..qMax} instead of {@code qMin..qMax}
 */
public record IntFormat(int bits, boolean narrow) implements ElementFormat {

    /**
     * @throws IllegalArgumentException if {@code bits < 2 || bits > 16}
     */
    public IntFormat {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException("integer formats have 2 to 16 bits, got " + bits);
        }
    }

    @Override
    public String name() {
        return "int" + bits + (narrow ? "_narrow" : "");
    }

    /** Smallest grid value: {@code -2^(bits-1)}, or {@code -qMax} in the narrow range. */
    public int qMin() {
        return narrow ? -qMax() : -(1 << (bits - 1));
    }

    /** Largest grid value, {@code 2^(bits-1) - 1}. */
    public int qMax() {
        return (1 << (bits - 1)) - 1;
    }

    @Override
    public float maxFinite() {
        return qMax();
    }

    @Override
    public boolean hasInfinity() {
        return false;
    }

    @Override
    public boolean usesCode(int code) {
        return code >= 0 && code < codeCount() && !(narrow && code == 1 << (bits - 1));
    }

    @Override
    public float decode(int code) {
        if (!usesCode(code)) {
            throw new IllegalArgumentException(name() + " has no code " + code);
        }
        // Sign-extend the low `bits` bits.
        return (code << (32 - bits)) >> (32 - bits);
    }

    @Override
    public int encode(float value) {
        if (value != Math.rint(value) || value < qMin() || value > qMax()) {
            throw new IllegalArgumentException(name() + " cannot represent " + value);
        }
        return (int) value & (codeCount() - 1);
    }
}
