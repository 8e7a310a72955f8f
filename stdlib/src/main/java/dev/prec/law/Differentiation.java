package dev.prec.law;

/** Symbolic differentiation with respect to one parameter, folding zeros and ones as it builds. */
final class Differentiation {
    private static final Expr ZERO = new Expr.Const(0);
    private static final Expr ONE = new Expr.Const(1);

    private Differentiation() {
    }

    static Expr derivative(Expr e, String name) {
        return switch (e) {
            case Expr.Const c -> ZERO;
            case Expr.Var v -> ZERO;
            case Expr.Param p -> p.name().equals(name) ? ONE : ZERO;
            case Expr.Unary u -> unary(u, name);
            case Expr.Binary b -> binary(b, name);
        };
    }

    private static Expr unary(Expr.Unary u, String name) {
        Expr da = derivative(u.arg(), name);
        if (isZero(da)) {
            return ZERO;
        }
        Expr x = u.arg();
        return switch (u.op()) {
            case NEG -> neg(da);
            case EXP -> mul(da, u);
            case LOG -> div(da, x);
            case LOG2 -> div(da, mul(x, new Expr.Const(Math.log(2))));
            case SQRT -> div(da, mul(new Expr.Const(2), u));
        };
    }

    private static Expr binary(Expr.Binary b, String name) {
        Expr a = b.left();
        Expr c = b.right();
        Expr da = derivative(a, name);
        Expr dc = derivative(c, name);
        return switch (b.op()) {
            case ADD -> add(da, dc);
            case SUB -> sub(da, dc);
            case MUL -> add(mul(da, c), mul(a, dc));
            case DIV -> sub(div(da, c), div(mul(a, dc), mul(c, c)));
            // d(a^c) = c a^(c-1) da + a^c log(a) dc
            case POW -> add(mul(mul(c, pow(a, sub(c, ONE))), da), mul(mul(b, new Expr.Unary(UnaryOp.LOG, a)), dc));
            case MIN, MAX -> {
                if (isZero(da) && isZero(dc)) {
                    yield ZERO;
                }
                throw new IllegalArgumentException("symbolic derivative of " + b.op().symbol() + " is not supported");
            }
        };
    }

    private static boolean isZero(Expr e) {
        return e instanceof Expr.Const c && c.value() == 0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.Const c && c.value() == 1;
    }

    private static Expr add(Expr a, Expr b) {
        if (isZero(a)) {
            return b;
        }
        return isZero(b) ? a : new Expr.Binary(BinaryOp.ADD, a, b);
    }

    private static Expr sub(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        return isZero(a) ? neg(b) : new Expr.Binary(BinaryOp.SUB, a, b);
    }

    private static Expr mul(Expr a, Expr b) {
        if (isZero(a) || isZero(b)) {
            return ZERO;
        }
        if (isOne(a)) {
            return b;
        }
        return isOne(b) ? a : new Expr.Binary(BinaryOp.MUL, a, b);
    }

    private static Expr div(Expr a, Expr b) {
        if (isZero(a)) {
            return ZERO;
        }
        return isOne(b) ? a : new Expr.Binary(BinaryOp.DIV, a, b);
    }

    private static Expr pow(Expr a, Expr b) {
        if (isZero(b)) {
            return ONE;
        }
        return isOne(b) ? a : new Expr.Binary(BinaryOp.POW, a, b);
    }

    private static Expr neg(Expr a) {
        if (isZero(a)) {
            return ZERO;
        }
        return new Expr.Unary(UnaryOp.NEG, a);
    }
}
