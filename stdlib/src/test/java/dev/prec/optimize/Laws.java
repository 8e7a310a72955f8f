package dev.prec.optimize;

import static dev.prec.law.Expr.exp;
import static dev.prec.law.Expr.param;
import static dev.prec.law.Expr.variable;

import dev.prec.law.Constraint;
import dev.prec.law.Expr;
import dev.prec.law.Law;
import dev.prec.law.Parameter;

/** Laws the tests write themselves, as a user would in a script. */
final class Laws {
    private Laws() {
    }

    /** L = A (N f(P))^-alpha + B D^-beta + E with the tied form f(P) = (1 - exp(-P/gamma))^3. */
    static Law tied() {
        Expr f = Expr.constant(1).minus(exp(variable("P").negate().div(param("gamma")))).pow(3);
        Expr loss = param("A").times(variable("N").times(f).pow(param("alpha").negate()))
                .plus(param("B").times(variable("D").pow(param("beta").negate()))).plus(param("E"));
        return Law.builder("tied").variables("N", "D", "P")
                .parameter(new Parameter("A", Constraint.positive(), 10, 1e4, "A"))
                .parameter(new Parameter("alpha", Constraint.positive(), 0.1, 0.8, "alpha"))
                .parameter(new Parameter("B", Constraint.positive(), 10, 1e5, "B"))
                .parameter(new Parameter("beta", Constraint.positive(), 0.1, 0.8, "beta"))
                .parameter(new Parameter("E", Constraint.positive(), 0.5, 4, "E"))
                .parameter(new Parameter("gamma", Constraint.positive(), 0.5, 5, "gamma"))
                .loss(loss).build();
    }
}
