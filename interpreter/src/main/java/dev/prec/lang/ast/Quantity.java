package dev.prec.lang.ast;

/**
 * A number literal as written: its value with the scale suffix applied, which suffix it had and the
 * unit written after it. {@code 26B tokens} is {@code Quantity(2.6e10, Scale.B, Unit.TOKENS)};
 * {@code 10%} is {@code Quantity(0.1, Scale.PERCENT, Unit.NONE)}.
 *
 * @param value the value after scaling, finite and {@code >= 0} (a minus sign is a separate operator)
 * @param scale the suffix written directly after the digits
 * @param unit the unit word written after the number
 */
public record Quantity(double value, Scale scale, Unit unit) {
    public Quantity {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("a number literal must be finite and >= 0, got " + value);
        }
        if (scale == null || unit == null) {
            throw new IllegalArgumentException("scale and unit are required (use NONE)");
        }
    }

    /** The suffixes that scale a number literal, as in papers: {@code 30M}, {@code 1.5B}, {@code 10%}. */
    public enum Scale {
        NONE("", 1),
        K("K", 1e3),
        M("M", 1e6),
        B("B", 1e9),
        T("T", 1e12),
        PERCENT("%", 1e-2);

        private final String symbol;
        private final double factor;

        Scale(String symbol, double factor) {
            this.symbol = symbol;
            this.factor = factor;
        }

        /** The suffix as written, "" for none. */
        public String symbol() {
            return symbol;
        }

        /** The factor the digits are multiplied by. */
        public double factor() {
            return factor;
        }

        /** The scale written as {@code symbol}, or {@code NONE} for "". */
        public static Scale ofSymbol(String symbol) {
            for (Scale s : values()) {
                if (s.symbol.equals(symbol)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown scale suffix '" + symbol + "'");
        }
    }

    /** The unit words a number may carry where units prevent mistakes. */
    public enum Unit {
        NONE(""),
        TOKENS("tokens"),
        PARAMS("params"),
        FLOPS("flops"),
        BITFLOPS("bitflops"),
        BITS("bits");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        /** The unit as written in a script, "" for none. */
        public String word() {
            return word;
        }

        /** The unit written as {@code word}. */
        public static Unit ofWord(String word) {
            for (Unit u : values()) {
                if (u.word.equals(word)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("unknown unit '" + word + "'");
        }
    }
}
