package dev.prec.law;

/** Operators of two arguments that laws may use. */
public enum BinaryOp {
    /** {@code a + b}. */
    ADD("+"),
    /** {@code a - b}. */
    SUB("-"),
    /** {@code a * b}. */
    MUL("*"),
    /** {@code a / b}; defined for {@code b != 0}. */
    DIV("/"),
    /**
     * {@code a ^ b}; defined for {@code a > 0}, or for any {@code a != 0} when {@code b} is an
     * integer constant (a scaling law's power of a count is always of a positive base).
     */
    POW("^"),
    /** The smaller of {@code a} and {@code b}; its derivative follows the chosen operand. */
    MIN("min"),
    /** The larger of {@code a} and {@code b}; its derivative follows the chosen operand. */
    MAX("max");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator or function name a printed expression uses. */
    public String symbol() {
        return symbol;
    }

    /** Whether the operator is printed as a function call, {@code min(a, b)}. */
    public boolean isFunction() {
        return this == MIN || this == MAX;
    }

    /** Value of {@code a op b}. */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
        };
    }

    /** Partial derivative with respect to {@code a}, given the value {@code v = apply(a, b)}. */
    public double derivativeLeft(double a, double b, double v) {
        return switch (this) {
            case ADD, SUB -> 1.0;
            case MUL -> b;
            case DIV -> 1.0 / b;
            // b a^(b-1) = b v / a, avoiding a second pow where a != 0
            case POW -> b == 0 ? 0.0 : a != 0 ? b * v / a : b * Math.pow(a, b - 1);
            case MIN, MAX -> a == v ? 1.0 : 0.0;
        };
    }

    /** Partial derivative with respect to {@code b}, given the value {@code v = apply(a, b)}. */
    public double derivativeRight(double a, double b, double v) {
        return switch (this) {
            case ADD -> 1.0;
            case SUB -> -1.0;
            case MUL -> a;
            case DIV -> -v / b;
            case POW -> v == 0 ? 0.0 : v * Math.log(a);
            case MIN, MAX -> a == v ? 0.0 : 1.0;
        };
    }
}
