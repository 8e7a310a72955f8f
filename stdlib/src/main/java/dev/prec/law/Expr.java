package dev.prec.law;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable expression of a scaling law: constants, named variables (columns of a run table,
 * e.g. {@code N}, {@code D}, {@code P_w}), named parameters (fitted), and the operators of
 * {@link UnaryOp} and {@link BinaryOp}. Records compare structurally, so equal subtrees are equal
 * values; the compiler shares them.
 *
 * <p>A user law written in the language compiles to this tree: each {@code law} body line is an
 * expression, local definitions ({@code Neff = ...}) are substituted where used.
 */
public sealed interface Expr permits Expr.Const, Expr.Var, Expr.Param, Expr.Unary, Expr.Binary {

    /** A literal number. @param value any finite double */
    record Const(double value) implements Expr {
        public Const {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("constant must be finite, got " + value);
            }
        }
    }

    /** A variable read from the data, e.g. {@code N}. @param name non-blank */
    record Var(String name) implements Expr {
        public Var {
            requireName(name);
        }
    }

    /** A parameter of the law, fitted or fixed, e.g. {@code alpha}. @param name non-blank */
    record Param(String name) implements Expr {
        public Param {
            requireName(name);
        }
    }

    /** {@code op(arg)}. */
    record Unary(UnaryOp op, Expr arg) implements Expr {
        public Unary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(arg, "arg");
        }
    }

    /** {@code left op right}. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-blank");
        }
    }

    static Expr constant(double value) {
        return new Const(value);
    }

    static Expr variable(String name) {
        return new Var(name);
    }

    static Expr param(String name) {
        return new Param(name);
    }

    static Expr exp(Expr x) {
        return new Unary(UnaryOp.EXP, x);
    }

    static Expr log(Expr x) {
        return new Unary(UnaryOp.LOG, x);
    }

    static Expr log2(Expr x) {
        return new Unary(UnaryOp.LOG2, x);
    }

    static Expr sqrt(Expr x) {
        return new Unary(UnaryOp.SQRT, x);
    }

    static Expr min(Expr a, Expr b) {
        return new Binary(BinaryOp.MIN, a, b);
    }

    static Expr max(Expr a, Expr b) {
        return new Binary(BinaryOp.MAX, a, b);
    }

    default Expr plus(Expr other) {
        return new Binary(BinaryOp.ADD, this, other);
    }

    default Expr plus(double other) {
        return plus(new Const(other));
    }

    default Expr minus(Expr other) {
        return new Binary(BinaryOp.SUB, this, other);
    }

    default Expr times(Expr other) {
        return new Binary(BinaryOp.MUL, this, other);
    }

    default Expr times(double other) {
        return times(new Const(other));
    }

    default Expr div(Expr other) {
        return new Binary(BinaryOp.DIV, this, other);
    }

    default Expr pow(Expr other) {
        return new Binary(BinaryOp.POW, this, other);
    }

    default Expr pow(double other) {
        return pow(new Const(other));
    }

    default Expr negate() {
        return new Unary(UnaryOp.NEG, this);
    }

    /** Names of the variables this expression reads, in first-use order. */
    default Set<String> variables() {
        Set<String> out = new LinkedHashSet<>();
        ExprWalk.collect(this, out, true);
        return out;
    }

    /** Names of the parameters this expression reads, in first-use order. */
    default Set<String> parameters() {
        Set<String> out = new LinkedHashSet<>();
        ExprWalk.collect(this, out, false);
        return out;
    }

    /**
     * The expression with parameters replaced: each parameter named in {@code values} becomes that
     * constant (used to hold some parameters fixed during a fit).
     */
    default Expr fixParameters(Map<String, Double> values) {
        return ExprWalk.fix(this, values);
    }

    /**
     * The exact symbolic derivative with respect to parameter {@code name}, lightly simplified
     * (zeros and ones folded). It is the independent oracle for the compiled gradient. Min and
     * max have no closed-form derivative without a comparison operator, so they are refused.
     *
     * @throws IllegalArgumentException if the expression contains min or max
     */
    default Expr derivative(String name) {
        return Differentiation.derivative(this, name);
    }

    /** The expression in the conventional infix notation with minimal parentheses. */
    default String print() {
        return ExprPrinter.print(this);
    }
}
