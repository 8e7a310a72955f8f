package dev.prec.law;

import java.util.Map;

/**
 * The reference evaluator: walks the tree once per point, checking each function's domain and
 * naming the failing subexpression. Slow and obvious; {@link CompiledLaw} is tested against it.
 */
final class TreeEvaluator {
    private TreeEvaluator() {
    }

    /** Thrown inside the walk to unwind with a reason; never escapes this class. */
    private static final class OutOfDomain extends RuntimeException {
        OutOfDomain(String reason) {
            super(reason, null, false, false);
        }
    }

    static Evaluation evaluate(Law law, Map<String, Double> values, Map<String, Double> point) {
        try {
            for (DomainCondition c : law.conditions()) {
                double v = eval(c.mustBePositive(), values, point);
                if (!(v > 0)) {
                    return new Evaluation.OutsideDomain(c.reason() + " (" + c.mustBePositive().print() + " = " + v + ")");
                }
            }
            double loss = eval(law.loss(), values, point);
            if (!Double.isFinite(loss)) {
                return new Evaluation.OutsideDomain("predicted value is not finite (" + loss + ")");
            }
            if (!(loss > 0)) {
                return new Evaluation.OutsideDomain("predicted value " + loss + " is not positive");
            }
            return new Evaluation.Value(loss);
        } catch (OutOfDomain e) {
            return new Evaluation.OutsideDomain(e.getMessage());
        }
    }

    /** Value of {@code e}; throws {@link OutOfDomain} where a function leaves its domain. */
    static double eval(Expr e, Map<String, Double> values, Map<String, Double> point) {
        return switch (e) {
            case Expr.Const c -> c.value();
            case Expr.Var v -> lookup(point, v.name(), "variable");
            case Expr.Param p -> lookup(values, p.name(), "parameter");
            case Expr.Unary u -> {
                double x = eval(u.arg(), values, point);
                if (!u.op().inDomain(x)) {
                    throw new OutOfDomain(u.op().symbol() + " of " + x + " is undefined in " + u.print());
                }
                yield u.op().apply(x);
            }
            case Expr.Binary b -> {
                double l = eval(b.left(), values, point);
                double r = eval(b.right(), values, point);
                checkBinary(b, l, r);
                yield b.op().apply(l, r);
            }
        };
    }

    private static void checkBinary(Expr.Binary b, double l, double r) {
        if (b.op() == BinaryOp.DIV && r == 0) {
            throw new OutOfDomain("division by zero in " + b.print());
        }
        if (b.op() == BinaryOp.POW && !(l > 0) && !isIntegerConstant(b.right())) {
            throw new OutOfDomain("base " + l + " of a non-integer power must be > 0 in " + b.print());
        }
        if (b.op() == BinaryOp.POW && l == 0 && r < 0) {
            throw new OutOfDomain("zero raised to a negative power in " + b.print());
        }
    }

    static boolean isIntegerConstant(Expr e) {
        return e instanceof Expr.Const c && c.value() == Math.rint(c.value());
    }

    private static double lookup(Map<String, Double> map, String name, String kind) {
        Double v = map.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value for " + kind + " " + name);
        }
        return v;
    }
}
