package dev.prec.lang.eval;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Granularity;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.diag.Span;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.GranularityValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RoundingValue;
import dev.prec.lang.value.SweepValue;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Domain constructs: qualified formats, {@code with} overrides and model families, sweeps. */
final class DomainEvaluator {
    private final ExprEvaluator exprs;

    DomainEvaluator(ExprEvaluator exprs) {
        this.exprs = exprs;
    }

    Value qualified(Expr.Qualified q, Env env) {
        QuantValue base = Precisions.quant(exprs.eval(q.format(), env), q.format().span());
        if (q.granularity().isPresent()) {
            base = base.withGranularity(granularity(q.granularity().get(), env));
        }
        if (q.rounding().isPresent()) {
            base = base.withRounding(switch (q.rounding().get().kind()) {
                case NEAREST -> RoundingValue.NEAREST;
                case STOCHASTIC -> RoundingValue.STOCHASTIC;
            });
        }
        try {
            base.toSpec();
        } catch (IllegalArgumentException e) {
            throw new ScriptError(q.span(), "runtime", e.getMessage());
        }
        return base;
    }

    private GranularityValue granularity(Granularity g, Env env) {
        return switch (g.kind()) {
            case PER_TENSOR -> GranularityValue.of(GranularityValue.Kind.PER_TENSOR);
            case PER_CHANNEL -> GranularityValue.of(GranularityValue.Kind.PER_CHANNEL);
            case PER_TOKEN -> GranularityValue.of(GranularityValue.Kind.PER_TOKEN);
            case PER_GROUP -> {
                Expr sizeExpr = g.groupSize().orElseThrow();
                double size = Arithmetic.number(exprs.eval(sizeExpr, env), sizeExpr.span()).value();
                if (size != Math.rint(size) || size < 1 || size > 1 << 20) {
                    throw new ScriptError(sizeExpr.span(), "runtime", "a group size must be a whole number from 1 to "
                            + (1 << 20) + ", got " + NumberValue.of(size).show());
                }
                yield new GranularityValue(GranularityValue.Kind.PER_GROUP, (int) size);
            }
        };
    }

    Value with(Expr.With w, Env env) {
        Value base = exprs.eval(w.base(), env);
        Value over = exprs.eval(w.overrides(), env);
        if (!(over instanceof RecordValue o)) {
            throw new ScriptError(w.overrides().span(), "type", "'with' needs a record of fields, not a "
                    + over.type().describe());
        }
        return switch (base) {
            case ModelValue m -> family(m, o, w, env);
            case ListValue l when l.elements().stream().allMatch(v -> v instanceof ModelValue) -> new ListValue(
                    l.elements().stream().flatMap(m -> members(family((ModelValue) m, o, w, env)).stream()).toList());
            case PrecisionValue p -> merge(p, o, w.overrides().span());
            case FormatValue f -> merge(Precisions.of(f, w.base().span()), o, w.overrides().span());
            case QuantValue q -> merge(Precisions.of(q, w.base().span()), o, w.overrides().span());
            case RecordValue r -> r.with(o);
            case DataValue d -> new DataValue(d.source(), d.options().with(o));
            default -> throw new ScriptError(w.base().span(), "type", "'with' overrides fields of a model, precision, "
                    + "data source or record, not a " + base.type().describe());
        };
    }

    private static List<Value> members(Value v) {
        return v instanceof ListValue l ? l.elements() : List.of(v);
    }

    private static PrecisionValue merge(PrecisionValue base, RecordValue over, Span at) {
        Map<PrecisionValue.Role, QuantValue> parts = new EnumMap<>(PrecisionValue.Role.class);
        parts.putAll(base.parts());
        parts.putAll(Precisions.parts(over, at));
        return new PrecisionValue(parts);
    }

    /**
     * {@code small with { width: [32, 64] }}: one model per combination of the list-valued fields,
     * each validated as a model; a single model when no field is a list.
     */
    private Value family(ModelValue base, RecordValue over, Expr.With w, Env env) {
        boolean many = over.fields().values().stream().anyMatch(v -> v instanceof ListValue
                || v instanceof dev.prec.lang.value.RangeValue);
        SweepValue combos = Sweeps.expand(base.name(), over, p -> true, w.overrides().span());
        List<Value> models = new ArrayList<>();
        for (RecordValue combo : combos.points()) {
            RecordValue config = base.config().with(combo);
            Value made = ExprEvaluator.guarded(new dev.prec.lang.ast.Name("with", w.span()),
                    () -> Builtins.function(base.architecture()).orElseThrow()
                            .impl().call(config, exprs.callContext(env)));
            String label = many ? base.name() + label(combo, over) : base.name();
            models.add(new ModelValue(label, base.architecture(), ((ModelValue) made).config()));
        }
        return many ? new ListValue(models) : models.getFirst();
    }

    /** {@code [width=64]}: the fields a family member varies, for its name. */
    private static String label(RecordValue combo, RecordValue over) {
        List<String> parts = new ArrayList<>();
        combo.fields().forEach((k, v) -> {
            Value given = over.fields().get(k);
            if (given instanceof ListValue || given instanceof dev.prec.lang.value.RangeValue) {
                parts.add(k + "=" + v.show());
            }
        });
        return "[" + String.join(",", parts) + "]";
    }

    /** A sweep from what a script wrote in a sweep's place: a sweep, or a record of axes. */
    static SweepValue sweep(Value v, String name, Span at) {
        return switch (v) {
            case SweepValue s -> s;
            case RecordValue r -> Sweeps.expand(name, r, p -> true, at);
            default -> throw new ScriptError(at, "type", "expected a sweep, got a " + v.type().describe());
        };
    }

    /** A model binding's value named after its declaration: family members keep their varied fields. */
    static Value named(Value v, String name) {
        return switch (v) {
            case ModelValue m -> m.withName(name);
            case ListValue l -> new ListValue(l.elements().stream().map(e -> e instanceof ModelValue m
                    ? (Value) m.withName(name + suffix(m.name())) : e).toList());
            default -> v;
        };
    }

    private static String suffix(String memberName) {
        int i = memberName.indexOf('[');
        return i < 0 ? "" : memberName.substring(i);
    }
}
