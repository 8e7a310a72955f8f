package dev.prec.lang.eval;

import dev.prec.lang.ast.LawParam;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.diag.Span;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Laws written in a script, and evaluating any law at a point. */
final class Laws {
    private Laws() {
    }

    /**
     * The law a {@code law name(vars) { params ...; x = ...; loss = ... }} declaration defines. Its
     * form evaluates the body's expressions on each call; it reads top-level names as they are when
     * the law is declared and never writes them, so fitters may call it from several threads.
     */
    static LawValue declare(Stmt.LawDecl decl, Env env, ExprEvaluator exprs) {
        List<LawValue.Param> params = new ArrayList<>();
        for (LawParam p : decl.params()) {
            double lower = Double.NEGATIVE_INFINITY;
            double upper = Double.POSITIVE_INFINITY;
            for (LawParam.Bound b : p.bounds()) {
                double limit = Arithmetic.number(exprs.eval(b.limit(), env), b.limit().span()).value();
                switch (b.relation()) {
                    case GREATER, GREATER_OR_EQUAL -> lower = Math.max(lower, limit);
                    case LESS, LESS_OR_EQUAL -> upper = Math.min(upper, limit);
                }
            }
            if (!(upper >= lower)) {
                throw new ScriptError(p.span(), "bounds", "the bounds of '" + p.name().text() + "' leave no value: ["
                        + lower + ", " + upper + "]");
            }
            params.add(new LawValue.Param(p.name().text(), lower, upper));
        }
        List<String> variables = decl.variables().stream().map(n -> n.text()).toList();
        return new LawValue(decl.name().text(), variables, params, new ScriptForm(decl, env, exprs), Map.of());
    }

    /** The form of a law written in a script: its body evaluated on each call, its declaration kept for engines. */
    private record ScriptForm(Stmt.LawDecl decl, Env env, ExprEvaluator exprs) implements LawValue.Form {
        @Override
        public double loss(Map<String, Double> vars, Map<String, Double> values) {
            Map<String, Value> locals = new HashMap<>();
            vars.forEach((k, v) -> locals.put(k, NumberValue.of(v)));
            values.forEach((k, v) -> locals.put(k, NumberValue.of(v)));
            Env body = env.child(locals);
            for (Stmt.Assign a : decl.bindings()) {
                body.define(a.name().text(), exprs.eval(a.value(), body));
            }
            return Arithmetic.number(exprs.eval(decl.loss(), body), decl.loss().span()).value();
        }

        @Override
        public java.util.Optional<Stmt.LawDecl> declaration() {
            return java.util.Optional.of(decl);
        }
    }

    /**
     * The law's loss at {@code point} (units on the variables are dropped: N in params, D in tokens).
     *
     * @throws ScriptError if the law is unfitted, the point lacks a variable, or the law is undefined there
     */
    static Value predict(LawValue law, RecordValue point, Span at) {
        if (!law.isFitted()) {
            throw new ScriptError(at, "unfitted", "law '" + law.name() + "' has no parameter values yet; fit it first");
        }
        Map<String, Double> vars = new LinkedHashMap<>();
        for (String v : law.variables()) {
            Value x = point.get(v).orElseThrow(() -> new ScriptError(at, "missing-argument",
                    "law '" + law.name() + "' needs a value for '" + v + "'"));
            vars.put(v, Arithmetic.number(x, at).value());
        }
        for (String given : point.fields().keySet()) {
            if (!law.variables().contains(given)) {
                throw new ScriptError(at, "unknown-argument", "law '" + law.name() + "' has no variable '" + given
                        + "'; its variables are " + String.join(", ", law.variables()));
            }
        }
        double loss = law.form().loss(vars, law.values());
        if (Double.isNaN(loss)) {
            throw new ScriptError(at, "domain", "law '" + law.name() + "' is outside its domain at " + point.show());
        }
        return NumberValue.of(loss);
    }
}
