package dev.prec.lang.value;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** How {@code print} and the REPL show values: numbers as a researcher would write them. */
final class ValueText {
    private ValueText() {
    }

    static String show(Value value) {
        return switch (value) {
            case NumberValue n -> number(n.value()) + (n.unit() == Unit.NONE ? "" : " " + n.unit().word());
            case StringValue s -> s.value();
            case BoolValue b -> Boolean.toString(b.value());
            case NothingValue n -> "nothing";
            case ListValue l -> l.elements().stream().map(ValueText::nested).collect(Collectors.joining(", ", "[", "]"));
            case RecordValue r -> record(r);
            case RangeValue r -> number(r.from()) + ".." + number(r.to())
                    + (r.step() == 1 ? "" : " step " + number(r.step()));
            case FormatValue f -> f.name();
            case GranularityValue g -> g.spelling();
            case RoundingValue r -> r.mode().name().toLowerCase(Locale.ROOT);
            case QuantValue q -> quant(q);
            case PrecisionValue p -> precision(p);
            case ModelValue m -> m.name() + " = " + m.architecture() + record(m.config());
            case DataValue d -> d.source() + record(d.options());
            case SpecValue s -> s.name() + record(s.options());
            case SweepValue s -> "sweep " + s.name() + " (" + s.points().size() + " runs over " + String.join(", ", s.axes()) + ")";
            case RunTable t -> RunTableText.show(t);
            case LawValue l -> "law " + l.name() + "(" + String.join(", ", l.variables()) + ")"
                    + (l.isFitted() ? " " + l.values().entrySet().stream()
                    .map(e -> e.getKey() + " = " + number(e.getValue())).collect(Collectors.joining(", ", "{", "}"))
                    : " (unfitted)");
            case FitResult f -> fit(f);
            case OptimumValue o -> optimum(o);
            case PlotFile p -> "plot " + p.path();
            case FunctionValue f -> "function " + f.name() + "(" + String.join(", ", f.parameters()) + ")";
        };
    }

    /**
     * A composite result (a fit's statistics, an optimum) as {@code print} shows it: numbers with 5
     * significant digits, at any depth; the values themselves keep full precision in their fields.
     */
    private static String compact(Value v) {
        return switch (v) {
            case NumberValue n -> RunTableText.compact(n.value()) + (n.unit() == Unit.NONE ? "" : " " + n.unit().word());
            case RecordValue r -> {
                StringJoiner j = new StringJoiner(", ", "{", "}");
                r.fields().forEach((k, x) -> j.add(k + ": " + compact(x)));
                yield j.toString();
            }
            case ListValue l -> l.elements().stream().map(ValueText::compact).collect(Collectors.joining(", ", "[", "]"));
            default -> nested(v);
        };
    }

    private static String nested(Value v) {
        return v instanceof StringValue s ? '"' + s.value() + '"' : show(v);
    }

    private static String record(RecordValue r) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        r.fields().forEach((k, v) -> j.add(k + ": " + nested(v)));
        return j.toString();
    }

    private static String quant(QuantValue q) {
        StringBuilder b = new StringBuilder(q.format().name());
        q.granularity().ifPresent(g -> b.append(' ').append(g.spelling()));
        if (q.rounding() != RoundingValue.NEAREST) {
            b.append(" stochastic");
        }
        return b.toString();
    }

    private static String precision(PrecisionValue p) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        p.parts().forEach((role, q) -> j.add(role.field() + ": " + quant(q)));
        return j.toString();
    }

    /** The optimum's fields on one line; its bootstrap intervals, when it has them, on a second. */
    private static String optimum(OptimumValue o) {
        if (!(o.fields().get("intervals").orElse(null) instanceof RecordValue intervals)) {
            return "optimum " + compact(o.fields());
        }
        java.util.Map<String, Value> rest = new java.util.LinkedHashMap<>(o.fields().fields());
        rest.remove("intervals");
        StringJoiner j = new StringJoiner(", ");
        intervals.fields().forEach((k, v) -> {
            if (v instanceof RecordValue r && r.get("lower").orElse(null) instanceof NumberValue lo
                    && r.get("upper").orElse(null) instanceof NumberValue hi) {
                j.add(k + " [" + compact(lo) + ", " + compact(hi) + "]");
            }
        });
        double level = intervals.get("level").orElse(null) instanceof NumberValue l ? l.value() : Double.NaN;
        String samples = intervals.get("samples").map(ValueText::show).orElse("?");
        return "optimum " + compact(new RecordValue(rest)) + "\n  " + String.format(Locale.ROOT, "%.0f%%", 100 * level)
                + " bootstrap intervals over " + samples + " samples: " + j;
    }

    private static String fit(FitResult f) {
        StringBuilder b = new StringBuilder("fit of " + f.law().name() + f.bootstrap().map(s -> String.format(Locale.ROOT,
                ", %.0f%% percentile bootstrap intervals over %d of %d resamples", 100 * s.level(), s.samples().size(),
                s.resamples())).orElse(", no intervals (add bootstrap: n)") + "\n");
        b.append(String.format(Locale.ROOT, "  %-10s %14s %14s %14s  %s%n", "param", "value", "lower95", "upper95", "bound"));
        for (FitResult.Estimate e : f.estimates()) {
            b.append(String.format(Locale.ROOT, "  %-10s %14s %14s %14s  %s%n", e.name(), RunTableText.compact(e.value()),
                    RunTableText.compact(e.lower()), RunTableText.compact(e.upper()), e.boundHit() ? "hit" : ""));
        }
        b.append("  ").append(compact(f.statistics()));
        return b.toString();
    }

    /** Integers without a fraction, other numbers in the shortest form that reads back exactly. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x).replace("E", "e");
    }
}
