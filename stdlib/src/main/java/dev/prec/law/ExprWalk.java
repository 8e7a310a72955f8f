package dev.prec.law;

import java.util.Map;
import java.util.Set;

/** Structural walks over expressions: name collection and parameter substitution. */
final class ExprWalk {
    private ExprWalk() {
    }

    static void collect(Expr e, Set<String> out, boolean variables) {
        switch (e) {
            case Expr.Const c -> { }
            case Expr.Var v -> {
                if (variables) {
                    out.add(v.name());
                }
            }
            case Expr.Param p -> {
                if (!variables) {
                    out.add(p.name());
                }
            }
            case Expr.Unary u -> collect(u.arg(), out, variables);
            case Expr.Binary b -> {
                collect(b.left(), out, variables);
                collect(b.right(), out, variables);
            }
        }
    }

    static Expr fix(Expr e, Map<String, Double> values) {
        return switch (e) {
            case Expr.Const c -> c;
            case Expr.Var v -> v;
            case Expr.Param p -> values.containsKey(p.name()) ? new Expr.Const(values.get(p.name())) : p;
            case Expr.Unary u -> new Expr.Unary(u.op(), fix(u.arg(), values));
            case Expr.Binary b -> new Expr.Binary(b.op(), fix(b.left(), values), fix(b.right(), values));
        };
    }
}
