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
                for (int i = 0; i < n; i++) {
                    out[i] = Math.exp(a == null ? sa : a[i]);
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
                for (int i = 0; i < n; i++) {
                    out[i] = (ac == null ? as : ac[i]) + (bc == null ? bs : bc[i]);
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (ac == null ? as : ac[i]) - (bc == null ? bs : bc[i]);
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (ac == null ? as : ac[i]) * (bc == null ? bs : bc[i]);
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
     * Partial derivative of a unary node with respect to its argument, per row, into {@code out}.
     *
     * @param v the node's values; {@code a} its argument's values
     */
    static void unaryPartial(UnaryOp op, double[] out, Operand a, double[] v, int n) {
        double[] ac = a.column();
        double as = a.scalar();
        for (int i = 0; i < n; i++) {
            out[i] = op.derivative(ac == null ? as : ac[i], v[i]);
        }
    }

    /** Partial derivative of a binary node with respect to its left ({@code wrtLeft}) or right operand. */
    static void binaryPartial(BinaryOp op, boolean wrtLeft, double[] out, Operand a, Operand b, double[] v, int n) {
        double[] ac = a.column();
        double[] bc = b.column();
        double as = a.scalar();
        double bs = b.scalar();
        if (op == BinaryOp.POW && !wrtLeft) {
            // d(a^b)/db = a^b * log(a)
            for (int i = 0; i < n; i++) {
                out[i] = v[i] * Math.log(ac == null ? as : ac[i]);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double x = ac == null ? as : ac[i];
            double y = bc == null ? bs : bc[i];
            out[i] = wrtLeft ? op.derivativeLeft(x, y, v[i]) : op.derivativeRight(x, y, v[i]);
        }
    }
}
