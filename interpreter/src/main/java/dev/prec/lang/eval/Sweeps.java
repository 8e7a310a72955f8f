package dev.prec.lang.eval;

import dev.prec.lang.diag.Span;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.RangeValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.SweepValue;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Expanding a record of axes into the runs of a sweep. */
final class Sweeps {
    private Sweeps() {
    }

    /** Most runs one sweep may expand to before its where filter; a typo like {@code 1..1e9} fails fast. */
    static final long MAX_POINTS = 1_000_000;

    /**
     * The cartesian product of the axes, first axis outermost, keeping the points {@code keep} accepts.
     * A list or range is an axis's values; a family (a list of models) inside a list is flattened; any
     * other value is an axis of one. Precision axes take formats and records as precisions.
     *
     * @throws ScriptError if the product exceeds {@link #MAX_POINTS} or a precision value is not one
     */
    static SweepValue expand(String name, RecordValue axes, Predicate<RecordValue> keep, Span at) {
        List<String> names = new ArrayList<>(axes.fields().keySet());
        List<List<Value>> values = new ArrayList<>();
        long product = 1;
        for (String axis : names) {
            List<Value> vs = values(axes.fields().get(axis));
            if (axis.equals("precision")) {
                vs = vs.stream().map(v -> (Value) Precisions.of(v, at)).toList();
            }
            values.add(vs);
            product *= vs.size();
            if (product > MAX_POINTS) {
                throw new ScriptError(at, "sweep-size", "sweep '" + name + "' would have more than " + MAX_POINTS + " runs");
            }
        }
        List<RecordValue> points = new ArrayList<>();
        if (product > 0) {
            int[] odometer = new int[names.size()];
            for (long n = 0; n < product; n++) {
                Map<String, Value> point = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    point.put(names.get(i), values.get(i).get(odometer[i]));
                }
                RecordValue p = new RecordValue(point);
                if (keep.test(p)) {
                    points.add(p);
                }
                for (int i = names.size() - 1; i >= 0; i--) {
                    if (++odometer[i] < values.get(i).size()) {
                        break;
                    }
                    odometer[i] = 0;
                }
            }
        }
        return new SweepValue(name, names, points, product);
    }

    /** The values of one axis. */
    static List<Value> values(Value axis) {
        return switch (axis) {
            case ListValue l -> {
                List<Value> flat = new ArrayList<>();
                for (Value v : l.elements()) {
                    if (v instanceof ListValue inner) {
                        flat.addAll(inner.elements());
                    } else if (v instanceof RangeValue r) {
                        flat.addAll(r.elements());
                    } else {
                        flat.add(v);
                    }
                }
                yield flat;
            }
            case RangeValue r -> r.elements();
            default -> List.of(axis);
        };
    }
}
