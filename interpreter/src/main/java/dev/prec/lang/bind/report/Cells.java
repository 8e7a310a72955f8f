package dev.prec.lang.bind.report;

import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Values as the short text of a table cell: four significant digits, long lists summarized. */
final class Cells {
    /** Lists longer than this (a loss curve) show their length and last element instead of every element. */
    static final int LONGEST_LIST = 8;

    private Cells() {
    }

    /** A cell without the unit (a run table's column says what it holds). */
    static String bare(Value v) {
        return switch (v) {
            case NumberValue n -> number(n.value());
            case StringValue s -> s.value();
            case ModelValue m -> m.name();
            case ListValue l when l.elements().size() > LONGEST_LIST -> "list of " + l.elements().size() + ", last "
                    + bare(l.elements().getLast());
            case ListValue l -> l.elements().stream().map(Cells::bare).collect(Collectors.joining(", ", "[", "]"));
            default -> v.show();
        };
    }

    /** A cell with the number's unit, for name/value tables. */
    static String withUnit(Value v) {
        return v instanceof NumberValue n && n.unit() != Unit.NONE ? number(n.value()) + " " + n.unit().word() : bare(v);
    }

    /**
     * A record as (name, value) rows, nested records flattened to dotted names ({@code rollout.rmse}).
     *
     * @param skip top-level fields left out (shown elsewhere)
     */
    static List<List<String>> rows(RecordValue r, List<String> skip) {
        List<List<String>> rows = new ArrayList<>();
        flatten("", r, skip, rows);
        return rows;
    }

    private static void flatten(String prefix, RecordValue r, List<String> skip, List<List<String>> rows) {
        for (Map.Entry<String, Value> e : r.fields().entrySet()) {
            if (prefix.isEmpty() && skip.contains(e.getKey())) {
                continue;
            }
            if (e.getValue() instanceof RecordValue nested) {
                flatten(prefix + e.getKey() + ".", nested, List.of(), rows);
            } else {
                rows.add(List.of(prefix + e.getKey(), withUnit(e.getValue())));
            }
        }
    }

    /** Integers below a million as written, other numbers to four significant digits ({@code 3.142}, {@code 2e9}). */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e6) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.4g", x);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
