package dev.prec.law;

/** Prints expressions in infix notation, parenthesising only where precedence requires. */
final class ExprPrinter {
    private ExprPrinter() {
    }

    static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, 0, sb);
        return sb.toString();
    }

    private static int precedence(Expr e) {
        return switch (e) {
            case Expr.Binary b -> switch (b.op()) {
                case ADD, SUB -> 1;
                case MUL, DIV -> 2;
                case POW -> 4;
                case MIN, MAX -> 5;
            };
            case Expr.Unary u -> u.op() == UnaryOp.NEG ? 3 : 5;
            case Expr.Const c -> c.value() < 0 ? 3 : 5;
            default -> 5;
        };
    }

    private static void print(Expr e, int outer, StringBuilder sb) {
        int p = precedence(e);
        boolean paren = p < outer;
        if (paren) {
            sb.append('(');
        }
        switch (e) {
            case Expr.Const c -> sb.append(formatNumber(c.value()));
            case Expr.Var v -> sb.append(v.name());
            case Expr.Param q -> sb.append(q.name());
            case Expr.Unary u -> {
                if (u.op() == UnaryOp.NEG) {
                    sb.append('-');
                    print(u.arg(), 4, sb);
                } else {
                    sb.append(u.op().symbol()).append('(');
                    print(u.arg(), 0, sb);
                    sb.append(')');
                }
            }
            case Expr.Binary b -> printBinary(b, p, sb);
        }
        if (paren) {
            sb.append(')');
        }
    }

    private static void printBinary(Expr.Binary b, int p, StringBuilder sb) {
        if (b.op().isFunction()) {
            sb.append(b.op().symbol()).append('(');
            print(b.left(), 0, sb);
            sb.append(", ");
            print(b.right(), 0, sb);
            sb.append(')');
            return;
        }
        // Left-associative operators bind the right operand one level tighter; ^ is right-associative.
        boolean rightAssoc = b.op() == BinaryOp.POW;
        print(b.left(), rightAssoc ? p + 1 : p, sb);
        sb.append(' ').append(b.op().symbol()).append(' ');
        print(b.right(), rightAssoc ? p : p + 1, sb);
    }

    private static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
