package dev.prec.law;

/**
 * Column kernels of the compiled program: forward values and partial derivatives of one node
 * over {@code n} rows. An operand is a column, or a scalar when its array is {@code null}
 * (HotSpot unswitches the loop on that invariant test).
 */
final class ColumnOps {
    private ColumnOps() {
    }

    static void unary(UnaryOp op, double[] out, double[] a, double sa, int n) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    out[i] = -(a == null ? sa : a[i]);
                }
            }
            case EXP -> {
                if (a != null) {
                    ColumnMath.exp(out, a, n);
                } else {
                    java.util.Arrays.fill(out, 0, n, Math.exp(sa));
                }
            }
            case LOG -> {
                if (a != null) {
                    ColumnMath.log(out, a, n);
                } else {
                    java.util.Arrays.fill(out, 0, n, Math.log(sa));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = op.apply(a == null ? sa : a[i]);
                }
            }
        }
    }

    /**
     * {@code out = a op b}. For POW with a non-integer exponent the value is computed as
     * {@code exp(b * log a)}, which is NaN for {@code a < 0}: the domain check then sees it.
     */
    static void binary(BinaryOp op, boolean integerPower, double[] out, Operand a, Operand b, int n) {
        double[] ac = a.column();
        double[] bc = b.column();
        double as = a.scalar();
        double bs = b.scalar();
        switch (op) {
            case ADD -> {
                if (ac != null && bc != null) {
                    for (int i = 0; i < n; i++) {
                        out[i] = ac[i] + bc[i];
                    }
                } else if (ac != null) {
                    for (int i = 0; i < n; i++) {
                        out[i] = ac[i] + bs;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[i] = as + bc[i];
                    }
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (ac == null ? as : ac[i]) - (bc == null ? bs : bc[i]);
                }
            }
            case MUL -> {
                // Explicit loops per operand shape, so that C2 vectorises each.
                if (ac != null && bc != null) {
                    for (int i = 0; i < n; i++) {
                        out[i] = ac[i] * bc[i];
                    }
                } else if (ac != null) {
                    for (int i = 0; i < n; i++) {
                        out[i] = ac[i] * bs;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[i] = as * bc[i];
                    }
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (ac == null ? as : ac[i]) / (bc == null ? bs : bc[i]);
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    double x = ac == null ? as : ac[i];
                    double y = bc == null ? bs : bc[i];
                    out[i] = integerPower ? Math.pow(x, y) : Math.exp(y * Math.log(x));
                }
            }
            case MIN, MAX -> {
                for (int i = 0; i < n; i++) {
                    out[i] = op.apply(ac == null ? as : ac[i], bc == null ? bs : bc[i]);
                }
            }
        }
    }

    /** One operand: a column, or a scalar when {@code column} is null. */
    record Operand(double[] column, double scalar) {
    }

    /**
     * Partial derivative of a unary node with respect to its argument. One loop per operator, so
     * that no per-element switch remains in the backward pass; where the partial is a constant or
     * an existing column (d exp = exp) it is returned as such, without a copy.
     *
     * @param out scratch of length {@code n} for partials that must be computed
     * @param v the node's values; {@code a} its argument's values
     * @return the partial: a column (possibly {@code out} or {@code v}) or a constant
     */
    static Operand unaryPartial(UnaryOp op, double[] out, Operand a, double[] v, int n) {
        double[] ac = a.column();
        double as = a.scalar();
        switch (op) {
            case NEG -> {
                return new Operand(null, -1.0);
            }
            case EXP -> {
                return new Operand(v, 0);
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    out[i] = 1.0 / (ac == null ? as : ac[i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = op.derivative(ac == null ? as : ac[i], v[i]);
                }
            }
        }
        return new Operand(out, 0);
    }

    /**
     * Partial derivative of a binary node with respect to its left ({@code wrtLeft}) or right
     * operand, as {@link #unaryPartial}: a constant, an existing column, or computed into {@code out}.
     */
    static Operand binaryPartial(BinaryOp op, boolean wrtLeft, double[] out, Operand a, Operand b, double[] v, int n) {
        double[] ac = a.column();
        double[] bc = b.column();
        double as = a.scalar();
        double bs = b.scalar();
        switch (op) {
            case ADD -> {
                return new Operand(null, 1.0);
            }
            case SUB -> {
                return new Operand(null, wrtLeft ? 1.0 : -1.0);
            }
            case MUL -> {
                return wrtLeft ? b : a;
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    double y = bc == null ? bs : bc[i];
                    out[i] = wrtLeft ? 1.0 / y : -v[i] / y;
                }
            }
            case POW -> {
                if (!wrtLeft) {
                    // d(a^b)/db = a^b * log(a)
                    for (int i = 0; i < n; i++) {
                        out[i] = v[i] * Math.log(ac == null ? as : ac[i]);
                    }
                    return new Operand(out, 0);
                }
                for (int i = 0; i < n; i++) {
                    out[i] = op.derivativeLeft(ac == null ? as : ac[i], bc == null ? bs : bc[i], v[i]);
                }
            }
            case MIN, MAX -> {
                for (int i = 0; i < n; i++) {
                    double x = ac == null ? as : ac[i];
                    double y = bc == null ? bs : bc[i];
                    out[i] = wrtLeft ? op.derivativeLeft(x, y, v[i]) : op.derivativeRight(x, y, v[i]);
                }
            }
        }
        return new Operand(out, 0);
    }
}
