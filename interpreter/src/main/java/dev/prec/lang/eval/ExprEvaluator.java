package dev.prec.lang.eval;

import dev.prec.lang.ast.Action;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Field;
import dev.prec.lang.ast.Name;
import dev.prec.lang.builtin.Builtin;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.CallContext;
import dev.prec.lang.builtin.Constant;
import dev.prec.lang.diag.Suggestions;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RangeValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.SweepValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evaluates expressions: one exhaustive switch over the expression nodes. */
final class ExprEvaluator {
    private final Engines engines;
    private final CallEvaluator calls;
    private final DomainEvaluator domain;
    private final ActionRunner actions;

    ExprEvaluator(Engines engines) {
        this.engines = engines;
        this.calls = new CallEvaluator(this);
        this.domain = new DomainEvaluator(this);
        this.actions = new ActionRunner(this);
    }

    Engines engines() {
        return engines;
    }

    DomainEvaluator domain() {
        return domain;
    }

    CallContext callContext(Env env) {
        return new CallContext(engines, env.session().baseDirectory(), env.session().guestPolicy());
    }

    Value eval(Expr e, Env env) {
        return switch (e) {
            case Expr.Num n -> new NumberValue(n.quantity().value(), Unit.valueOf(n.quantity().unit().name()));
            case Expr.Str s -> new StringValue(s.value());
            case Expr.Bool b -> BoolValue.of(b.value());
            case Expr.Ref r -> ref(r.name(), env);
            case Expr.ListLit l -> new ListValue(l.items().stream().map(i -> eval(i, env)).toList());
            case Expr.RecordLit r -> record(r, env);
            case Expr.RangeLit r -> range(r, env);
            case Expr.Unary u -> switch (u.operator()) {
                case NEGATE -> {
                    NumberValue n = Arithmetic.number(eval(u.operand(), env), u.span());
                    yield new NumberValue(-n.value(), n.unit());
                }
                default -> BoolValue.of(!Arithmetic.truth(eval(u.operand(), env), u.span()));
            };
            case Expr.Binary b -> binary(b, env);
            case Expr.Between b -> between(b, env);
            case Expr.Call c -> calls.call(c, env);
            case Expr.Member m -> Members.get(eval(m.target(), env), m.member());
            case Expr.Index i -> index(i, env);
            case Expr.Qualified q -> domain.qualified(q, env);
            case Expr.Where w -> where(w, env);
            case Expr.With w -> domain.with(w, env);
            case Action a -> actions.run(a, env);
        };
    }

    Value ref(Name name, Env env) {
        Optional<Value> v = env.lookup(name.text());
        if (v.isPresent()) {
            return v.get();
        }
        Optional<Constant> c = Builtins.constant(name.text());
        if (c.isPresent()) {
            if (c.get().needs().isPresent() && !engines.has(c.get().needs().get())) {
                throw ScriptError.missing(name.span(), name.text(), c.get().needs().get());
            }
            return guarded(name, () -> c.get().value().apply(callContext(env)));
        }
        Optional<Builtin> f = Builtins.function(name.text());
        if (f.isPresent()) {
            Builtin b = f.get();
            return new FunctionValue(b.name(), b.signature().paramNames(),
                    args -> b.impl().call(args, callContext(env)));
        }
        List<String> candidates = new ArrayList<>(env.names());
        candidates.addAll(Builtins.names());
        String hint = Suggestions.hint(name.text(), candidates);
        throw new ScriptError(name.span(), "unknown-name", "unknown name '" + name.text() + "'"
                + (hint.isEmpty() ? "" : "; " + hint));
    }

    /** Runs {@code body}, turning a domain error into a script error blamed on {@code at}. */
    static Value guarded(Name at, java.util.function.Supplier<Value> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ScriptError(at.span(), "runtime", message.startsWith(at.text()) ? message : at.text() + ": " + message);
        }
    }

    private Value record(Expr.RecordLit r, Env env) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Field f : r.fields()) {
            fields.put(f.key().text(), eval(f.value(), env));
        }
        return new RecordValue(fields);
    }

    private Value range(Expr.RangeLit r, Env env) {
        NumberValue from = Arithmetic.number(eval(r.from(), env), r.from().span());
        NumberValue to = Arithmetic.number(eval(r.to(), env), r.to().span());
        double step = r.step().map(s -> Arithmetic.number(eval(s, env), s.span()).value()).orElse(1.0);
        Unit unit = Unit.ofSum(from.unit(), to.unit()).orElse(Unit.NONE);
        try {
            return new RangeValue(from.value(), to.value(), step, unit);
        } catch (IllegalArgumentException e) {
            throw new ScriptError(r.span(), "runtime", e.getMessage());
        }
    }

    private Value binary(Expr.Binary b, Env env) {
        return switch (b.operator()) {
            case AND -> BoolValue.of(Arithmetic.truth(eval(b.left(), env), b.left().span())
                    && Arithmetic.truth(eval(b.right(), env), b.right().span()));
            case OR -> BoolValue.of(Arithmetic.truth(eval(b.left(), env), b.left().span())
                    || Arithmetic.truth(eval(b.right(), env), b.right().span()));
            default -> Arithmetic.binary(b.operator(), eval(b.left(), env), eval(b.right(), env), b.operatorSpan());
        };
    }

    private Value between(Expr.Between b, Env env) {
        NumberValue v = Arithmetic.number(eval(b.value(), env), b.value().span());
        NumberValue lo = Arithmetic.number(eval(b.low(), env), b.low().span());
        NumberValue hi = Arithmetic.number(eval(b.high(), env), b.high().span());
        return BoolValue.of(v.value() >= lo.value() && v.value() <= hi.value());
    }

    private Value index(Expr.Index i, Env env) {
        Value target = eval(i.target(), env);
        NumberValue n = Arithmetic.number(eval(i.index(), env), i.index().span());
        List<Value> items = switch (target) {
            case ListValue l -> l.elements();
            case RangeValue r -> r.elements();
            case RunTable t -> t.rows().stream().map(r -> (Value) r.fields()).toList();
            default -> throw new ScriptError(i.span(), "type", "a " + target.type().describe() + " cannot be indexed");
        };
        double x = n.value();
        if (x != Math.rint(x) || x < 0 || x >= items.size()) {
            throw new ScriptError(i.index().span(), "index", "index " + NumberValue.of(x).show() + " is outside 0.."
                    + (items.size() - 1));
        }
        return items.get((int) x);
    }

    /** Filters runs, sweep points or list elements; a record of axes becomes the sweep it describes. */
    private Value where(Expr.Where w, Env env) {
        Value source = eval(w.source(), env);
        return switch (source) {
            case RunTable t -> new RunTable(t.rows().stream()
                    .filter(r -> holds(w, r.fields(), env)).toList());
            case SweepValue s -> s.withPoints(s.points().stream().filter(p -> holds(w, p, env)).toList());
            case RecordValue r -> Sweeps.expand("sweep", r, p -> holds(w, p, env), w.source().span());
            case ListValue l -> new ListValue(l.elements().stream()
                    .filter(v -> holds(w, asRow(v, w), env)).toList());
            default -> throw new ScriptError(w.source().span(), "type", "'where' filters run tables, sweeps and lists, "
                    + "not a " + source.type().describe());
        };
    }

    private static RecordValue asRow(Value v, Expr.Where w) {
        return switch (v) {
            case RecordValue r -> r;
            case dev.prec.lang.value.ModelValue m -> m.config();
            default -> throw new ScriptError(w.source().span(), "type", "'where' needs elements with fields, got a "
                    + v.type().describe());
        };
    }

    boolean holds(Expr.Where w, RecordValue row, Env env) {
        return Arithmetic.truth(eval(w.condition(), env.child(row.fields())), w.condition().span());
    }
}
