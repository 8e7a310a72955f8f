package dev.prec.lang.eval;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Name;
import dev.prec.lang.ast.NamedArg;
import dev.prec.lang.builtin.Builtin;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.FormatShorthand;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.builtin.Signature;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Calls: built-ins with their arguments bound by position and name, laws at a point, function values. */
final class CallEvaluator {
    private final ExprEvaluator exprs;

    CallEvaluator(ExprEvaluator exprs) {
        this.exprs = exprs;
    }

    Value call(Expr.Call c, Env env) {
        if (c.callee() instanceof Expr.Ref r && env.lookup(r.name().text()).isEmpty()) {
            Optional<Builtin> b = Builtins.function(r.name().text());
            if (b.isPresent()) {
                return builtin(c, r.name(), b.get(), env);
            }
        }
        Value callee = exprs.eval(c.callee(), env);
        return switch (callee) {
            case LawValue l -> Laws.predict(l, arguments(c, l.variables(), env), c.span());
            case FitResult f -> Laws.predict(f.law(), arguments(c, f.law().variables(), env), c.span());
            case FunctionValue f -> {
                RecordValue args = arguments(c, f.parameters(), env);
                try {
                    yield f.body().apply(args);
                } catch (IllegalArgumentException e) {
                    throw new ScriptError(c.span(), "runtime", f.name() + ": " + e.getMessage());
                }
            }
            default -> throw new ScriptError(c.callee().span(), "not-callable", "a " + callee.type().describe()
                    + " cannot be called");
        };
    }

    /** Binds positional arguments to {@code names} in order, then named ones; no defaults. */
    private RecordValue arguments(Expr.Call c, List<String> names, Env env) {
        Map<String, Value> args = new LinkedHashMap<>();
        for (int i = 0; i < c.args().size(); i++) {
            if (i >= names.size()) {
                throw new ScriptError(c.args().get(i).span(), "arity", "too many arguments: expected at most " + names.size());
            }
            args.put(names.get(i), exprs.eval(c.args().get(i), env));
        }
        for (NamedArg a : c.named()) {
            args.put(a.name().text(), exprs.eval(a.value(), env));
        }
        return new RecordValue(args);
    }

    private Value builtin(Expr.Call c, Name name, Builtin b, Env env) {
        Signature sig = b.signature();
        if (b.needs().isPresent() && !exprs.engines().has(b.needs().get())) {
            throw ScriptError.missing(name.span(), name.text(), b.needs().get());
        }
        Map<String, Value> given = new LinkedHashMap<>();
        for (int i = 0; i < c.args().size(); i++) {
            Expr arg = c.args().get(i);
            if (i >= sig.params().size()) {
                throw new ScriptError(arg.span(), "arity", sig.name() + " takes at most " + sig.params().size() + " arguments");
            }
            given.put(sig.params().get(i).name(), positional(sig, arg, i, env));
        }
        for (NamedArg a : c.named()) {
            if (sig.param(a.name().text()).isEmpty()) {
                throw new ScriptError(a.name().span(), "unknown-argument", sig.name() + " has no parameter '"
                        + a.name().text() + "'");
            }
            given.put(a.name().text(), exprs.eval(a.value(), env));
        }
        Map<String, Value> bound = new LinkedHashMap<>();
        for (Param p : sig.params()) {
            Value v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue().orElseThrow(() ->
                    new ScriptError(c.span(), "missing-argument", sig.name() + " needs the argument '" + p.name() + "'"));
            if (!p.type().accepts(v.type())) {
                throw new ScriptError(c.span(), "type", "argument '" + p.name() + "' of " + sig.name() + " must be a "
                        + p.type().describe() + ", not a " + v.type().describe());
            }
            bound.put(p.name(), v);
        }
        return ExprEvaluator.guarded(name, () -> b.impl().call(new RecordValue(bound), exprs.callContext(env)));
    }

    private Value positional(Signature sig, Expr arg, int position, Env env) {
        if (sig.name().equals(FormatShorthand.FUNCTION) && arg instanceof Expr.Ref r && env.lookup(r.name().text()).isEmpty()) {
            OptionalInt bits = FormatShorthand.bits(r.name().text(), position);
            if (bits.isPresent()) {
                return NumberValue.of(bits.getAsInt());
            }
        }
        return exprs.eval(arg, env);
    }
}
