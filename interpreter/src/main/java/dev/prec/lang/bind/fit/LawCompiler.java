package dev.prec.lang.bind.fit;

import dev.prec.law.Constraint;
import dev.prec.law.Expr;
import dev.prec.law.Law;
import dev.prec.law.Parameter;
import dev.prec.lang.ast.Operator;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.value.LawValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link LawValue} into the library's {@link Law}, whose expression tree the fitter
 * differentiates exactly and evaluates by columns. A built-in law carries its tree already; a law
 * written in a script is compiled from its declaration: numbers, variables, parameters, the law's
 * own bindings (inlined), {@code + - * / ^}, unary minus, and {@code exp}, {@code log},
 * {@code log2}, {@code sqrt}, {@code min}, {@code max}.
 */
public final class LawCompiler {

    /** Start grid of a positive parameter without a typical magnitude: 1e-2 to 1e3, log-spaced. */
    private static final double POSITIVE_START_LO = 1e-2;
    private static final double POSITIVE_START_HI = 1e3;
    /** Start grid of an unbounded parameter. */
    private static final double FREE_START = 1.0;

    private LawCompiler() {
    }

    /**
     * @param law a built-in law or a law declared in a script
     * @return the library law with the same variables and parameters
     * @throws IllegalArgumentException if the law uses an operation the library's expressions lack,
     *     or a bound other than {@code > 0}, {@code >= 0}, an interval, or none
     */
    public static Law compile(LawValue law) {
        if (law.form() instanceof LibraryForm library) {
            return library.law();
        }
        Stmt.LawDecl decl = law.form().declaration().orElseThrow(() -> new IllegalArgumentException(
                "law '" + law.name() + "' is neither built in nor written in the script, so it cannot be fitted"));
        Law.Builder b = Law.builder(law.name()).description("user law " + law.name() + " from the script")
                .variables(law.variables().toArray(String[]::new));
        for (LawValue.Param p : law.params()) {
            b.parameter(parameter(law.name(), p));
        }
        Set<String> params = Set.copyOf(law.params().stream().map(LawValue.Param::name).toList());
        Scope scope = new Scope(Set.copyOf(law.variables()), params, new HashMap<>());
        for (Stmt.Assign a : decl.bindings()) {
            scope.bindings().put(a.name().text(), expr(a.value(), scope));
        }
        return b.loss(expr(decl.loss(), scope)).build();
    }

    /** What names mean inside a law body. */
    private record Scope(Set<String> variables, Set<String> params, Map<String, Expr> bindings) {
    }

    private static Parameter parameter(String lawName, LawValue.Param p) {
        boolean lowerFinite = Double.isFinite(p.lower());
        boolean upperFinite = Double.isFinite(p.upper());
        if (lowerFinite && upperFinite) {
            return Parameter.bounded(p.name(), (Constraint.Bounded) Constraint.bounded(p.lower(), p.upper()), "");
        }
        if (!lowerFinite && !upperFinite) {
            return new Parameter(p.name(), Constraint.free(), -FREE_START, FREE_START, "");
        }
        if (lowerFinite && p.lower() == 0) {
            return new Parameter(p.name(), Constraint.positive(), POSITIVE_START_LO, POSITIVE_START_HI, "");
        }
        throw new IllegalArgumentException("parameter '" + p.name() + "' of law '" + lawName
                + "' has a one-sided bound other than > 0; the fitter takes > 0, an interval [lo, hi], or no bound");
    }

    private static Expr expr(dev.prec.lang.ast.Expr e, Scope scope) {
        return switch (e) {
            case dev.prec.lang.ast.Expr.Num n -> Expr.constant(n.quantity().value());
            case dev.prec.lang.ast.Expr.Ref r -> name(r.name().text(), scope);
            case dev.prec.lang.ast.Expr.Unary u when u.operator() == Operator.NEGATE -> expr(u.operand(), scope).negate();
            case dev.prec.lang.ast.Expr.Binary b -> binary(b, scope);
            case dev.prec.lang.ast.Expr.Call c -> call(c, scope);
            default -> throw unsupported(e);
        };
    }

    private static Expr name(String name, Scope scope) {
        if (scope.bindings().containsKey(name)) {
            return scope.bindings().get(name);
        }
        if (scope.variables().contains(name)) {
            return Expr.variable(name);
        }
        if (scope.params().contains(name)) {
            return Expr.param(name);
        }
        if (name.equals("e")) {
            return Expr.constant(Math.E);
        }
        throw new IllegalArgumentException("'" + name + "' in a law must be a variable, a parameter or a binding of the law");
    }

    private static Expr binary(dev.prec.lang.ast.Expr.Binary b, Scope scope) {
        Expr l = expr(b.left(), scope);
        Expr r = expr(b.right(), scope);
        return switch (b.operator()) {
            case ADD -> l.plus(r);
            case SUBTRACT -> l.minus(r);
            case MULTIPLY -> l.times(r);
            case DIVIDE -> l.div(r);
            case POWER -> l.pow(r);
            default -> throw unsupported(b);
        };
    }

    private static Expr call(dev.prec.lang.ast.Expr.Call c, Scope scope) {
        if (!(c.callee() instanceof dev.prec.lang.ast.Expr.Ref f) || !c.named().isEmpty()) {
            throw unsupported(c);
        }
        List<Expr> args = c.args().stream().map(a -> expr(a, scope)).toList();
        String fn = f.name().text();
        if (args.size() == 1) {
            switch (fn) {
                case "exp" -> { return Expr.exp(args.getFirst()); }
                case "log" -> { return Expr.log(args.getFirst()); }
                case "log2" -> { return Expr.log2(args.getFirst()); }
                case "sqrt" -> { return Expr.sqrt(args.getFirst()); }
                default -> { }
            }
        }
        if (args.size() == 2 && fn.equals("min")) {
            return Expr.min(args.get(0), args.get(1));
        }
        if (args.size() == 2 && fn.equals("max")) {
            return Expr.max(args.get(0), args.get(1));
        }
        throw unsupported(c);
    }

    private static IllegalArgumentException unsupported(dev.prec.lang.ast.Expr e) {
        return new IllegalArgumentException("the fitter cannot compile '" + dev.prec.lang.ast.SourcePrinter.print(e)
                + "' in a law: it takes numbers, names, + - * / ^, exp, log, log2, sqrt, min and max");
    }
}
