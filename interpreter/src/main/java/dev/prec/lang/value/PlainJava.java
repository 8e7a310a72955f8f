package dev.prec.lang.value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converting values to and from plain Java: {@code Double}, {@code String}, {@code Boolean},
 * {@code List}, {@code Map<String, Object>} (insertion-ordered), {@code Path}, and {@code null} for nothing.
 * Domain values become maps of their fields; formats and quantizers their script spelling.
 */
public final class PlainJava {
    private PlainJava() {
    }

    public static Object of(Value value) {
        return switch (value) {
            case NumberValue n -> n.value();
            case StringValue s -> s.value();
            case BoolValue b -> b.value();
            case NothingValue n -> null;
            case ListValue l -> list(l.elements());
            case RangeValue r -> list(r.elements());
            case RecordValue r -> map(r);
            case FormatValue f -> f.name();
            case GranularityValue g -> g.spelling();
            case RoundingValue r -> r.show();
            case QuantValue q -> q.show();
            case PrecisionValue p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                p.parts().forEach((role, q) -> m.put(role.field(), q.show()));
                m.put("bits", (double) p.bits());
                yield m;
            }
            case ModelValue m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", m.name());
                out.put("architecture", m.architecture());
                out.putAll(map(m.config()));
                yield out;
            }
            case DataValue d -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("source", d.source());
                out.putAll(map(d.options()));
                yield out;
            }
            case SpecValue s -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", s.name());
                out.putAll(map(s.options()));
                yield out;
            }
            case SweepValue s -> list(List.copyOf(s.points()));
            case RunTable t -> list(t.rows().stream().map(r -> (Value) r.fields()).toList());
            case LawValue l -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", l.name());
                out.put("variables", List.copyOf(l.variables()));
                out.put("params", new LinkedHashMap<String, Object>(l.values()));
                yield out;
            }
            case FitResult f -> fit(f);
            case OptimumValue o -> map(o.fields());
            case PlotFile p -> p.path();
            case FunctionValue f -> f.show();
        };
    }

    private static List<Object> list(List<Value> values) {
        List<Object> out = new ArrayList<>();
        values.forEach(v -> out.add(of(v)));
        return out;
    }

    private static Map<String, Object> map(RecordValue r) {
        Map<String, Object> out = new LinkedHashMap<>();
        r.fields().forEach((k, v) -> out.put(k, of(v)));
        return out;
    }

    private static Map<String, Object> fit(FitResult f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("law", f.law().name());
        Map<String, Object> params = new LinkedHashMap<>();
        for (FitResult.Estimate e : f.estimates()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("value", e.value());
            p.put("lower", e.lower());
            p.put("upper", e.upper());
            p.put("boundHit", e.boundHit());
            params.put(e.name(), p);
        }
        out.put("params", params);
        out.putAll(map(f.statistics()));
        f.bootstrap().ifPresent(b -> out.put("samples", b.samples().stream()
                .map(sample -> (Object) new LinkedHashMap<String, Object>(sample)).toList()));
        return out;
    }

    /**
     * The value a host's object stands for.
     *
     * @throws IllegalArgumentException if {@code o} is null or of a type with no .prec counterpart
     */
    public static Value toValue(Object o) {
        return switch (o) {
            case null -> throw new IllegalArgumentException("null has no .prec value");
            case Value v -> v;
            case Number n -> NumberValue.of(n.doubleValue());
            case CharSequence s -> new StringValue(s.toString());
            case Boolean b -> BoolValue.of(b);
            case Path p -> new StringValue(p.toString());
            case List<?> l -> new ListValue(l.stream().map(PlainJava::toValue).toList());
            case Object[] a -> new ListValue(java.util.Arrays.stream(a).map(PlainJava::toValue).toList());
            case double[] a -> new ListValue(java.util.Arrays.stream(a).mapToObj(x -> (Value) NumberValue.of(x)).toList());
            case Map<?, ?> m -> {
                Map<String, Value> fields = new LinkedHashMap<>();
                m.forEach((k, v) -> fields.put(String.valueOf(k), toValue(v)));
                yield new RecordValue(fields);
            }
            default -> throw new IllegalArgumentException("a " + o.getClass().getName() + " has no .prec value; pass a "
                    + "number, string, boolean, list or map");
        };
    }
}
