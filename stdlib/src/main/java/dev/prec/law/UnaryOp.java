package dev.prec.law;

/** Functions of one argument that laws may use. */
public enum UnaryOp {
    /** {@code -x}. */
    NEG("-"),
    /** {@code e^x}. */
    EXP("exp"),
    /** Natural logarithm; defined for {@code x > 0}. */
    LOG("log"),
    /** Base-2 logarithm; defined for {@code x > 0}. */
    LOG2("log2"),
    /** Square root; defined for {@code x >= 0}, differentiable for {@code x > 0}. */
    SQRT("sqrt");

    private static final double LN2 = Math.log(2.0);

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The name a printed expression uses for this function. */
    public String symbol() {
        return symbol;
    }

    /** Value at {@code x}; NaN or infinity outside the domain (callers check {@link #inDomain}). */
    public double apply(double x) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG2 -> Math.log(x) / LN2;
            case SQRT -> Math.sqrt(x);
        };
    }

    /**
     * Derivative at {@code x}, given the value {@code v = apply(x)} (reused: d exp = exp).
     */
    public double derivative(double x, double v) {
        return switch (this) {
            case NEG -> -1.0;
            case EXP -> v;
            case LOG -> 1.0 / x;
            case LOG2 -> 1.0 / (x * LN2);
            case SQRT -> 0.5 / v;
        };
    }

    /** Whether {@code x} is inside the function's domain (log needs {@code x > 0}). */
    public boolean inDomain(double x) {
        return switch (this) {
            case NEG, EXP -> !Double.isNaN(x);
            case LOG, LOG2 -> x > 0;
            case SQRT -> x >= 0;
        };
    }
}
