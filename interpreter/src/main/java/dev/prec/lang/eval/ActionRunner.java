package dev.prec.lang.eval;

import dev.prec.lang.ast.Action;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.diag.Span;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.FitEngine;
import dev.prec.lang.engine.OptimizeEngine;
import dev.prec.lang.engine.QuantizeEngine;
import dev.prec.lang.engine.TrainEngine;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.SpecValue;
import dev.prec.lang.value.SweepValue;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/** Hands actions to their engines; a missing engine is a script error naming the capability. */
final class ActionRunner {
    private final ExprEvaluator exprs;

    ActionRunner(ExprEvaluator exprs) {
        this.exprs = exprs;
    }

    Value run(Action a, Env env) {
        Value result = result(a, env);
        if (!(a instanceof Action.Predict) && !(a instanceof Action.Plan)) {
            env.session().journal().made(dev.prec.lang.ast.SourcePrinter.print(a), result);
        }
        return result;
    }

    private Value result(Action a, Env env) {
        ActionContext context = env.session().context();
        return switch (a) {
            case Action.Train t -> {
                TrainEngine engine = exprs.engines().train()
                        .orElseThrow(() -> ScriptError.missing(t.span(), "train", Capability.TRAINER));
                SweepValue sweep = sweepOf(t.sweep(), env);
                TrainEngine.Request request = trainRequest(t, sweep, env);
                yield engineCall(t, () -> engine.train(request, context));
            }
            case Action.Quantize q -> {
                QuantizeEngine engine = exprs.engines().quantize()
                        .orElseThrow(() -> ScriptError.missing(q.span(), "quantize", Capability.QUANTIZER));
                RunTable runs = as(RunTable.class, exprs.eval(q.runs(), env), q.runs().span(), "run table");
                List<PrecisionValue> targets = Sweeps.values(exprs.eval(q.formats(), env)).stream()
                        .map(v -> target(v, q.formats().span())).toList();
                SpecValue method = q.method()
                        .map(m -> as(SpecValue.class, exprs.eval(m, env), m.span(), "quantization method"))
                        .orElse(new SpecValue(Type.Kind.METHOD, "rtn", new RecordValue(Map.of("group", NumberValue.of(0)))));
                // The store train uses by default, where the runs' PTQ results are kept and reused.
                Optional<java.nio.file.Path> store = Optional.of(java.nio.file.Path.of(((dev.prec.lang.value.StringValue)
                        withStore(RecordValue.EMPTY, env).get("store").orElseThrow()).value()));
                yield engineCall(q, () -> engine.quantize(new QuantizeEngine.Request(runs, targets, method, store),
                        context));
            }
            case Action.Fit f -> {
                FitEngine engine = exprs.engines().fit()
                        .orElseThrow(() -> ScriptError.missing(f.span(), "fit", Capability.FITTER));
                LawValue law = law(exprs.eval(f.law(), env), f.law().span());
                RunTable data = as(RunTable.class, exprs.eval(f.data(), env), f.data().span(), "run table");
                RecordValue options = options(f.options(), env);
                yield engineCall(f, () -> engine.fit(new FitEngine.Request(law, data, options), context));
            }
            case Action.Predict p -> Predictions.at(exprs.eval(p.law(), env), exprs.eval(p.point(), env), p.point(),
                    p.law().span());
            case Action.Optimize o -> {
                OptimizeEngine engine = exprs.engines().optimize()
                        .orElseThrow(() -> ScriptError.missing(o.span(), "optimize", Capability.OPTIMIZER));
                Value subject = exprs.eval(o.law(), env);
                LawValue law = law(subject, o.law().span());
                Optional<FitResult> fit = subject instanceof FitResult f ? Optional.of(f) : Optional.empty();
                NumberValue budget = Arithmetic.number(exprs.eval(o.budget(), env), o.budget().span());
                if (budget.unit() != Unit.FLOPS && budget.unit() != Unit.BITFLOPS) {
                    throw new ScriptError(o.budget().span(), "unit", "a budget is in flops or bitflops");
                }
                RecordValue options = options(o.options(), env);
                yield engineCall(o, () -> engine.optimize(new OptimizeEngine.Request(law, budget, options, fit), context));
            }
            case Action.Plan p -> {
                if (p.target() instanceof Action.Train t) {
                    SweepValue sweep = sweepOf(t.sweep(), env);
                    yield Planner.trainedSweepPlan(t, sweep, this, env).toValue();
                }
                yield Planner.sweepPlan(sweepOf(p.target(), env), true, RecordValue.EMPTY, Optional.empty()).toValue();
            }
        };
    }

    Engines engines() {
        return exprs.engines();
    }

    /** What {@code train} hands its engine: the sweep, the data, and the options with the store resolved. */
    TrainEngine.Request trainRequest(Action.Train t, SweepValue sweep, Env env) {
        DataValue data = as(DataValue.class, exprs.eval(t.data(), env), t.data().span(), "data source");
        return new TrainEngine.Request(sweep, data, withStore(options(t.options(), env), env));
    }

    /** The sweep an expression denotes; a declared sweep keeps its name. */
    SweepValue sweepOf(Expr e, Env env) {
        String name = e instanceof Expr.Ref r ? r.name().text() : "sweep";
        return DomainEvaluator.sweep(exprs.eval(e, env), name, e.span());
    }

    /** A quantize target: a format means "quantize to this after training" (the {@code post} part). */
    private static PrecisionValue target(Value v, Span at) {
        return switch (v) {
            case PrecisionValue p -> p;
            case RecordValue r -> Precisions.of(r, at);
            default -> {
                QuantValue q = Precisions.quant(v, at);
                yield new PrecisionValue(Map.of(PrecisionValue.Role.POST, q));
            }
        };
    }

    private RecordValue options(Optional<Expr> e, Env env) {
        if (e.isEmpty()) {
            return RecordValue.EMPTY;
        }
        RecordValue r = as(RecordValue.class, exprs.eval(e.get(), env), e.get().span(), "record of options");
        return r.get("precision").map(p -> r.with("precision", Precisions.of(p, e.get().span()))).orElse(r);
    }

    /** The train options with {@code store} resolved against the script's directory, defaulting to its .prec/runs.db. */
    private static RecordValue withStore(RecordValue options, Env env) {
        java.nio.file.Path base = env.session().baseDirectory();
        String store = options.get("store").filter(v -> v instanceof dev.prec.lang.value.StringValue)
                .map(v -> base.resolve(((dev.prec.lang.value.StringValue) v).value()).normalize().toString())
                .orElse(base.resolve(".prec").resolve("runs.db").toString());
        return options.with("store", new dev.prec.lang.value.StringValue(store));
    }

    static LawValue law(Value v, Span at) {
        return switch (v) {
            case LawValue l -> l;
            case FitResult f -> f.law();
            default -> throw new ScriptError(at, "type", "expected a law, got a " + v.type().describe());
        };
    }

    static <T extends Value> T as(Class<T> type, Value v, Span at, String what) {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (type == RunTable.class && v instanceof ListValue l && l.elements().isEmpty()) {
            return type.cast(new RunTable(List.of()));
        }
        throw new ScriptError(at, "type", "expected a " + what + ", got a " + v.type().describe());
    }

    /**
     * Runs an engine; its refusals and failures become script errors at the action, so a user sees
     * the position, never a stack trace.
     */
    private static Value engineCall(Action a, Supplier<Value> call) {
        try {
            return call.get();
        } catch (ScriptError e) {
            throw e;
        } catch (CancellationException e) {
            throw new ScriptError(a.span(), "cancelled", a.keyword() + " was cancelled");
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new ScriptError(a.span(), "engine", a.keyword() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ScriptError(a.span(), "engine", a.keyword() + " failed: " + e);
        }
    }
}
