package dev.prec.lang.check;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Field;
import dev.prec.lang.ast.Granularity;
import dev.prec.lang.builtin.ActionOptions;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.Option;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.builtin.Signature;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks the records with a domain shape: precisions, sweeps, model overrides, action options. */
final class DomainChecker {
    private static final Type PRECISION = Type.of(Type.Kind.PRECISION);
    private static final Type MODEL = Type.of(Type.Kind.MODEL);
    private static final Type QUANT = Type.of(Type.Kind.QUANT);
    private static final List<String> ROLES = Arrays.stream(PrecisionValue.Role.values())
            .map(PrecisionValue.Role::field).toList();

    private final CheckContext ctx;
    private final ExprChecker exprs;

    DomainChecker(CheckContext ctx, ExprChecker exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
    }

    Type qualified(Expr.Qualified q, Scope scope) {
        Type f = exprs.type(q.format(), scope);
        if (!f.isLoose() && !QUANT.accepts(f)) {
            ctx.error(q.format().span(), "type", "a granularity or rounding qualifies a number format, not a "
                    + f.describe(), "");
        }
        q.granularity().flatMap(Granularity::groupSize)
                .ifPresent(g -> exprs.expect(g, scope, Type.NUMBER, "the group size"));
        return QUANT;
    }

    /** An expression where a precision is wanted; a record literal there is checked part by part. */
    Type precision(Expr e, Scope scope, String what) {
        if (e instanceof Expr.RecordLit r) {
            Set<String> seen = new HashSet<>();
            for (Field f : r.fields()) {
                String key = f.key().text();
                if (!ROLES.contains(key)) {
                    ctx.unknown(f.key().span(), "field", key, ROLES);
                } else if (!seen.add(key)) {
                    ctx.error(f.key().span(), "duplicate", "the '" + key + "' part is given twice", "");
                }
                exprs.expect(f.value(), scope, QUANT, "the '" + key + "' part of a precision");
            }
            return PRECISION;
        }
        return exprs.expect(e, scope, PRECISION, what).isLoose() ? Type.ERROR : PRECISION;
    }

    /** A sweep written as a record of axes; returns the record type whose fields are the axes. */
    Type sweepRecord(Expr.RecordLit r, Scope scope) {
        Map<String, Type> axes = new LinkedHashMap<>();
        for (Field f : r.fields()) {
            String key = f.key().text();
            Optional<Option> axis = ActionOptions.find(ActionOptions.SWEEP_AXES, key);
            if (axis.isEmpty()) {
                exprs.type(f.value(), scope);
                ctx.error(f.key().span(), "unknown-field", "a sweep has no axis '" + key + "'",
                        Hints.didYouMean(key, ActionOptions.names(ActionOptions.SWEEP_AXES)));
                axes.put(key, Type.ERROR);
                continue;
            }
            if (axes.containsKey(key)) {
                ctx.error(f.key().span(), "duplicate", "the axis '" + key + "' is given twice", "");
            }
            axes.put(key, new Type.ListOf(axisValues(f.value(), axis.get(), scope)));
        }
        return new Type.Rec(axes);
    }

    /** Checks the values of one axis (a list, a range or a single value); returns their element type. */
    private Type axisValues(Expr v, Option axis, Scope scope) {
        String what = "a value of the sweep axis '" + axis.name() + "'";
        if (axis.type().equals(PRECISION)) {
            precisions(v, scope, what);
            return PRECISION;
        }
        List<Expr> items = v instanceof Expr.ListLit l ? l.items() : List.of(v);
        for (Expr item : items) {
            Type t = ExprChecker.elementOf(exprs.type(item, scope));
            ctx.expect(axis.type(), t, item.span(), what);
        }
        return axis.type();
    }

    /**
     * Where one precision or a list of them is wanted (a sweep's precision axis, the targets of
     * quantize): a list literal is checked item by item; a list bound to a name is checked by its
     * element type, and a list mixing formats and records (which has no common element type) is
     * left to the evaluator, which converts and checks each element when it uses the list.
     */
    void precisions(Expr v, Scope scope, String what) {
        if (v instanceof Expr.ListLit l) {
            l.items().forEach(item -> precision(item, scope, what));
        } else if (exprs.type(v, scope) instanceof Type.ListOf named) {
            if (!named.element().isLoose() && !PRECISION.accepts(named.element())) {
                ctx.expect(PRECISION, named.element(), v.span(), what);
            }
        } else {
            precision(v, scope, what);
        }
    }

    Type with(Expr.With w, Scope scope) {
        Type base = exprs.type(w.base(), scope);
        if (base.equals(MODEL) || base.equals(new Type.ListOf(MODEL))) {
            return modelOverrides(w, base, scope);
        }
        if (PRECISION.accepts(base) && !(base instanceof Type.Rec) && !base.isLoose()) {
            return precision(w.overrides(), scope, "the overrides of a precision");
        }
        Type over = exprs.type(w.overrides(), scope);
        if (base.isLoose()) {
            return Type.ANY;
        }
        ctx.expect(new Type.Rec(Map.of()), over, w.overrides().span(), "the right side of 'with'");
        if (base instanceof Type.Rec b && over instanceof Type.Rec o) {
            Map<String, Type> merged = new LinkedHashMap<>(b.fields());
            merged.putAll(o.fields());
            return new Type.Rec(merged);
        }
        if (base.equals(Type.of(Type.Kind.DATA))) {
            return base;
        }
        return ctx.error(w.base().span(), "type", "'with' overrides fields of a model, precision, data source or record, "
                + "not a " + base.describe(), "");
    }

    /** {@code small with { width: [32, 64] }}: fields must be the model's; a list makes a family. */
    private Type modelOverrides(Expr.With w, Type base, Scope scope) {
        if (!(w.overrides() instanceof Expr.RecordLit r)) {
            exprs.expect(w.overrides(), scope, new Type.Rec(Map.of()), "the overrides of a model");
            return new Type.ListOf(MODEL);
        }
        Signature sig = Builtins.function("transformer").orElseThrow().signature();
        boolean family = base instanceof Type.ListOf;
        for (Field f : r.fields()) {
            Optional<Param> p = sig.param(f.key().text());
            Type t = exprs.type(f.value(), scope);
            if (p.isEmpty()) {
                ctx.unknown(f.key().span(), "field", f.key().text(), sig.paramNames());
                continue;
            }
            boolean many = t instanceof Type.ListOf || t.equals(Type.of(Type.Kind.RANGE));
            family |= many;
            ctx.expect(p.get().type(), many ? ExprChecker.elementOf(t) : t, f.value().span(),
                    "the model field '" + f.key().text() + "'");
        }
        return family ? new Type.ListOf(MODEL) : MODEL;
    }

    /** The {@code with { ... }} record of an action: only the action's options, each of its type. */
    void options(Optional<Expr> options, List<Option> allowed, Scope scope, String action) {
        if (options.isEmpty()) {
            return;
        }
        if (!(options.get() instanceof Expr.RecordLit r)) {
            exprs.expect(options.get(), scope, new Type.Rec(Map.of()), "the options of " + action);
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Field f : r.fields()) {
            String key = f.key().text();
            Optional<Option> o = ActionOptions.find(allowed, key);
            if (o.isEmpty()) {
                exprs.type(f.value(), scope);
                ctx.error(f.key().span(), "unknown-option", action + " has no option '" + key + "'",
                        Hints.didYouMean(key, ActionOptions.names(allowed)));
                continue;
            }
            if (!seen.add(key)) {
                ctx.error(f.key().span(), "duplicate", "the option '" + key + "' is given twice", "");
            }
            if (o.get().type().equals(PRECISION)) {
                precision(f.value(), scope, "the option '" + key + "' of " + action);
            } else {
                exprs.expect(f.value(), scope, o.get().type(), "the option '" + key + "' of " + action);
            }
        }
    }
}
