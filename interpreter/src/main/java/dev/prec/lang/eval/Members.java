package dev.prec.lang.eval;

import dev.prec.lang.ast.Name;
import dev.prec.lang.diag.Suggestions;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.GranularityValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.SweepValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Member access at run time: {@code best.precision.bits}, {@code model.params}, {@code runs.loss}. */
final class Members {
    private Members() {
    }

    static Value get(Value owner, Name member) {
        Map<String, Value> members = of(owner, member.text());
        Value v = members.get(member.text());
        if (v != null) {
            return v;
        }
        if (members.isEmpty() && !(owner instanceof RunTable)) {
            throw new ScriptError(member.span(), "unknown-member", "a " + owner.type().describe() + " has no members");
        }
        Set<String> candidates = new LinkedHashSet<>(members.keySet());
        if (owner instanceof RunTable t) {
            candidates.addAll(columns(t));
        }
        String hint = Suggestions.hint(member.text(), candidates);
        throw new ScriptError(member.span(), "unknown-member", "a " + owner.type().describe() + " has no member '"
                + member.text() + "'" + (hint.isEmpty() ? "" : "; " + hint));
    }

    /** The members of {@code owner}; {@code wanted} lets run tables build only the column asked for. */
    private static Map<String, Value> of(Value owner, String wanted) {
        Map<String, Value> m = new LinkedHashMap<>();
        switch (owner) {
            case RecordValue r -> m.putAll(r.fields());
            case PrecisionValue p -> {
                for (PrecisionValue.Role role : PrecisionValue.Role.values()) {
                    m.put(role.field(), p.part(role).orElse(QuantValue.of(FormatValue.preset("bf16").orElseThrow())));
                }
                m.put("bits", new NumberValue(p.bits(), Unit.BITS));
            }
            case QuantValue q -> {
                m.put("format", q.format());
                granularity(q).ifPresent(g -> m.put("granularity", g));
                m.put("rounding", q.rounding());
                m.put("bits", new NumberValue(q.format().bits(), Unit.BITS));
            }
            case FormatValue f -> {
                m.put("name", new StringValue(f.name()));
                m.put("bits", new NumberValue(f.bits(), Unit.BITS));
                f.exponentBits().ifPresent(e -> m.put("exponent", NumberValue.of(e)));
                f.mantissaBits().ifPresent(x -> m.put("mantissa", NumberValue.of(x)));
            }
            case ModelValue model -> {
                m.putAll(model.config().fields());
                m.put("name", new StringValue(model.name()));
                if (wanted.equals("params")) {
                    m.put("params", new NumberValue(ModelSizes.nonEmbeddingParams(model), Unit.PARAMS));
                }
            }
            case DataValue d -> {
                m.putAll(d.options().fields());
                m.put("source", new StringValue(d.source()));
                if (wanted.equals("entropy")) {
                    // Built only when asked: opening a text source trains its tokenizer.
                    m.put("entropy", entropy(d));
                }
            }
            case SweepValue s -> {
                m.put("runs", NumberValue.of(s.points().size()));
                m.put("axes", new ListValue(s.axes().stream().map(a -> (Value) new StringValue(a)).toList()));
                m.put("points", new ListValue(List.copyOf(s.points())));
            }
            case RunTable t -> {
                m.put("count", NumberValue.of(t.rows().size()));
                column(t, wanted).ifPresent(c -> m.put(wanted, c));
            }
            case FitResult f -> {
                m.put("law", f.law());
                m.put("lower", bounds(f, true));
                m.put("upper", bounds(f, false));
                if (wanted.equals("samples")) {
                    m.put("samples", new ListValue(f.bootstrap().map(b -> b.samples().stream()
                            .map(Members::sampleRecord).toList()).orElse(List.of())));
                }
                f.estimates().forEach(e -> m.put(e.name(), NumberValue.of(e.value())));
                m.putAll(f.statistics().fields());
            }
            case LawValue l -> {
                m.put("name", new StringValue(l.name()));
                l.values().forEach((k, v) -> m.put(k, NumberValue.of(v)));
            }
            case OptimumValue o -> m.putAll(o.fields().fields());
            case PlotFile p -> m.put("path", new StringValue(p.path().toString()));
            default -> {
            }
        }
        return m;
    }

    /** A fit's lower (or upper) interval ends by parameter: {@code fitted.lower.alpha}. */
    private static RecordValue bounds(FitResult f, boolean lower) {
        Map<String, Value> m = new LinkedHashMap<>();
        f.estimates().forEach(e -> m.put(e.name(), NumberValue.of(lower ? e.lower() : e.upper())));
        return new RecordValue(m);
    }

    private static Value sampleRecord(Map<String, Double> sample) {
        Map<String, Value> m = new LinkedHashMap<>();
        sample.forEach((k, v) -> m.put(k, NumberValue.of(v)));
        return new RecordValue(m);
    }

    /** The granularity a quantizer applies: as written, else the format's natural one, if it scales at all. */
    private static Optional<Value> granularity(QuantValue q) {
        if (q.granularity().isPresent()) {
            return Optional.of(q.granularity().get());
        }
        dev.prec.format.Granularity g = q.toSpec().granularity();
        return Optional.ofNullable(switch (g.kind()) {
            case TENSOR -> GranularityValue.of(GranularityValue.Kind.PER_TENSOR);
            case CHANNEL -> GranularityValue.of(GranularityValue.Kind.PER_CHANNEL);
            case TOKEN -> GranularityValue.of(GranularityValue.Kind.PER_TOKEN);
            case GROUP -> new GranularityValue(GranularityValue.Kind.PER_GROUP, g.groupSize());
            default -> null;
        });
    }

    /** Every column name of a table, config columns first. */
    static Set<String> columns(RunTable t) {
        Set<String> names = new LinkedHashSet<>();
        t.rows().forEach(r -> names.addAll(r.fields().fields().keySet()));
        return names;
    }

    private static Optional<Value> column(RunTable t, String name) {
        if (!columns(t).contains(name)) {
            return Optional.empty();
        }
        List<Value> values = new ArrayList<>();
        for (RunTable.Run r : t.rows()) {
            values.add(r.fields().get(name).orElse(dev.prec.lang.value.NothingValue.INSTANCE));
        }
        return Optional.of(new ListValue(values));
    }

    /**
     * The exact entropy rate of a synthetic source in nats per token, the loss floor no model can
     * beat (a fit may hold a law's E there); nothing for real text, whose floor is unknown.
     */
    private static Value entropy(DataValue d) {
        java.util.OptionalDouble rate = dev.prec.lang.engine.DataSources.open(d).entropyRate();
        return rate.isPresent() ? NumberValue.of(rate.getAsDouble()) : dev.prec.lang.value.NothingValue.INSTANCE;
    }
}
