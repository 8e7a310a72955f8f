package dev.prec.lang.ast;

/** The operators of {@link Expr.Unary} and {@link Expr.Binary}, with their spelling in a script. */
public enum Operator {
    NEGATE("-"), NOT("not"),
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), POWER("^"),
    EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
    IN("in"), AND("and"), OR("or");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written. */
    public String symbol() {
        return symbol;
    }

    /** Whether the operator takes one operand ({@code -x}, {@code not x}). */
    public boolean isUnary() {
        return this == NEGATE || this == NOT;
    }
}
