package dev.prec.optimize;

import dev.prec.law.Expr;
import java.util.function.DoubleUnaryOperator;

/** Evaluation and inversion of user-written costs ({@link CostModel.Expression}). */
final class CostRoots {
    private CostRoots() {
    }

    static double evaluate(Expr e, Point p) {
        return switch (e) {
            case Expr.Const c -> c.value();
            case Expr.Var v -> switch (v.name()) {
                case "N" -> p.params();
                case "D" -> p.tokens();
                default -> p.bits();
            };
            case Expr.Param q -> throw new IllegalStateException("cost expressions have no parameters");
            case Expr.Unary u -> u.op().apply(evaluate(u.arg(), p));
            case Expr.Binary b -> b.op().apply(evaluate(b.left(), p), evaluate(b.right(), p));
        };
    }

    /**
     * The x > 0 with {@code cost(x) = budget} for a cost increasing in x: bracket by decades in
     * [1e-30, 1e40], then bisection in log x to the last representable step.
     */
    static double solve(DoubleUnaryOperator cost, double budget) {
        double lo = 1e-30;
        double hi = 1e-30;
        while (hi < 1e40 && !(cost.applyAsDouble(hi) >= budget)) {
            lo = hi;
            hi *= 10;
        }
        if (!(cost.applyAsDouble(hi) >= budget) || cost.applyAsDouble(lo) > budget) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi > Math.nextUp(lo); i++) {
            double mid = Math.sqrt(lo * hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (cost.applyAsDouble(mid) < budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double clo = Math.abs(cost.applyAsDouble(lo) - budget);
        double chi = Math.abs(cost.applyAsDouble(hi) - budget);
        return clo <= chi ? lo : hi;
    }
}
