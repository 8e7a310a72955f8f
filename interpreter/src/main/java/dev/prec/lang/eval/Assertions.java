package dev.prec.lang.eval;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.Value;

/** {@code assert}: a failed assertion is a script error that shows the values it compared. */
final class Assertions {
    private Assertions() {
    }

    static void check(Stmt.Assert a, ExprEvaluator exprs, Env env) {
        Expr c = a.condition();
        Value v = exprs.eval(c, env);
        if (!(v instanceof BoolValue b)) {
            throw new ScriptError(c.span(), "type", "assert needs true or false, got a " + v.type().describe());
        }
        if (!b.value()) {
            throw new ScriptError(c.span(), "assert", "assertion failed" + detail(c, exprs, env));
        }
    }

    /**
     * The operands of a failed comparison, re-evaluated for the message; only when they run no
     * action, so a failure message never trains anything.
     */
    private static String detail(Expr c, ExprEvaluator exprs, Env env) {
        boolean[] action = {false};
        AstScan.walk(c, e -> action[0] |= e instanceof dev.prec.lang.ast.Action);
        if (action[0]) {
            return "";
        }
        return switch (c) {
            case Expr.Between b -> ": " + exprs.eval(b.value(), env).show() + " is not between "
                    + exprs.eval(b.low(), env).show() + " and " + exprs.eval(b.high(), env).show();
            case Expr.Binary b when b.operator() != dev.prec.lang.ast.Operator.AND
                    && b.operator() != dev.prec.lang.ast.Operator.OR -> ": " + exprs.eval(b.left(), env).show()
                    + " " + b.operator().symbol() + " " + exprs.eval(b.right(), env).show() + " is false";
            default -> "";
        };
    }
}
