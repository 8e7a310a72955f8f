package dev.prec.lang.check;

import dev.prec.lang.ast.Action;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.builtin.ActionOptions;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Unit;
import java.util.List;
import java.util.Map;

/** Checks actions; each notes the engine it needs, which {@code prec check} lists in the plan. */
final class ActionChecker {
    private static final Type RUNS = Type.of(Type.Kind.RUNS);
    private static final Type LAW = Type.of(Type.Kind.LAW);
    private static final Type FIT = Type.of(Type.Kind.FIT);
    private static final Type SWEEP = Type.of(Type.Kind.SWEEP);

    /** The type of a plan: what {@code plan grid} evaluates to. */
    static final Type PLAN = new Type.Rec(Map.of("runs", Type.NUMBER, "flops", Type.number(Unit.FLOPS),
            "bitflops", Type.number(Unit.BITFLOPS), "finished", Type.NUMBER, "failed", Type.NUMBER,
            "to_train", Type.NUMBER));

    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final DomainChecker domain;

    ActionChecker(CheckContext ctx, ExprChecker exprs, DomainChecker domain) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.domain = domain;
    }

    Type action(Action a, Scope scope) {
        return switch (a) {
            case Action.Train t -> train(t, scope, true);
            case Action.Quantize q -> {
                exprs.expect(q.runs(), scope, RUNS, "what quantize quantizes");
                domain.precisions(q.formats(), scope, "a target of quantize");
                q.method().ifPresent(m -> exprs.expect(m, scope, Type.of(Type.Kind.METHOD), "the method of quantize"));
                ctx.need(Capability.QUANTIZER);
                yield RUNS;
            }
            case Action.Fit f -> {
                law(f.law(), scope, "what fit fits");
                exprs.expect(f.data(), scope, RUNS, "the data fit fits to");
                domain.options(f.options(), ActionOptions.FIT, scope, "fit");
                ctx.need(Capability.FITTER);
                yield FIT;
            }
            case Action.Predict p -> {
                law(p.law(), scope, "what predict evaluates");
                Type point = exprs.type(p.point(), scope);
                if (point instanceof Type.ListOf) {
                    yield new Type.ListOf(Type.NUMBER);
                }
                ctx.expect(new Type.Rec(Map.of()), point, p.point().span(), "the point of predict");
                // a field holding several values makes a grid, whose predictions are a table
                boolean grid = point instanceof Type.Rec r && r.fields().values().stream()
                        .anyMatch(t -> t instanceof Type.ListOf || t.equals(Type.of(Type.Kind.RANGE)));
                yield grid ? RUNS : Type.NUMBER;
            }
            case Action.Optimize o -> {
                law(o.law(), scope, "what optimize optimizes");
                budget(o.budget(), scope);
                domain.options(o.options(), ActionOptions.OPTIMIZE, scope, "optimize");
                ctx.need(Capability.OPTIMIZER);
                yield Type.of(Type.Kind.OPTIMUM);
            }
            case Action.Plan p -> {
                if (p.target() instanceof Action.Train t) {
                    train(t, scope, false);
                } else {
                    sweep(p.target(), scope);
                }
                yield PLAN;
            }
        };
    }

    private Type train(Action.Train t, Scope scope, boolean runs) {
        sweep(t.sweep(), scope);
        exprs.expect(t.data(), scope, Type.of(Type.Kind.DATA), "the data train trains on");
        domain.options(t.options(), ActionOptions.TRAIN, scope, "train");
        if (runs) {
            ctx.need(Capability.TRAINER);
        }
        return RUNS;
    }

    /** A sweep: a declared one, or a record of axes written in place, optionally filtered with where. */
    Type sweep(Expr e, Scope scope) {
        if (e instanceof Expr.RecordLit r) {
            domain.sweepRecord(r, scope);
            return SWEEP;
        }
        if (e instanceof Expr.Where w && w.source() instanceof Expr.RecordLit r) {
            Type axes = domain.sweepRecord(r, scope);
            Scope columns = scope.child();
            if (axes instanceof Type.Rec rec) {
                rec.fields().forEach((k, v) -> columns.define(k, new Scope.Symbol(ExprChecker.elementOf(v), w.span(), false)));
            }
            exprs.expect(w.condition(), columns, Type.BOOL, "a 'where' condition");
            return SWEEP;
        }
        return exprs.expect(e, scope, SWEEP, "a sweep");
    }

    private void law(Expr e, Scope scope, String what) {
        Type t = exprs.type(e, scope);
        if (!t.isLoose() && !t.equals(LAW) && !t.equals(FIT)) {
            ctx.error(e.span(), "type", what + " must be a law, not a " + t.describe(), "");
        }
    }

    private void budget(Expr e, Scope scope) {
        Type t = exprs.type(e, scope);
        if (t.isLoose()) {
            return;
        }
        if (!(t instanceof Type.Num n)) {
            ctx.error(e.span(), "type", "a budget must be a number in flops or bitflops, not a " + t.describe(), "");
        } else if (n.unit() == Unit.NONE) {
            ctx.error(e.span(), "unit", "a budget needs a unit: flops or bitflops",
                    "write e.g. 1e21 bitflops (the paper's cost (6/16) N D P) or 1e21 flops (6 N D)");
        } else if (n.unit() != Unit.FLOPS && n.unit() != Unit.BITFLOPS) {
            ctx.error(e.span(), "unit", "a budget is in flops or bitflops, not " + n.unit().word(), "");
        }
    }
}
