package dev.prec.lang.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run table as aligned text columns, config columns first, compact enough to read in a terminal:
 * a model shows as its shape ({@code L2 d48 h4 t64}: layers, width, heads, context), a data source as
 * its kind, numbers with 5 significant digits, a list longer than {@value #MAX_LIST} items (a loss
 * curve) as its length, and checkpoint paths not at all. The values themselves are unchanged:
 * fields, {@code export} and {@code prec runs} give them in full.
 */
final class RunTableText {
    /** Longest list shown item by item. */
    static final int MAX_LIST = 6;
    /** Columns left out of the text: long paths a reader follows through export or a field. */
    private static final Set<String> HIDDEN = Set.of("checkpoint");

    private RunTableText() {
    }

    static String show(RunTable table) {
        Set<String> columns = new LinkedHashSet<>();
        for (RunTable.Run r : table.rows()) {
            columns.addAll(r.config().fields().keySet());
        }
        for (RunTable.Run r : table.rows()) {
            columns.addAll(r.results().fields().keySet());
        }
        columns.removeAll(HIDDEN);
        List<String> names = new ArrayList<>(columns);
        List<List<String>> cells = new ArrayList<>();
        cells.add(names);
        for (RunTable.Run r : table.rows()) {
            RecordValue all = r.fields();
            cells.add(names.stream().map(c -> all.get(c).map(RunTableText::cell).orElse("")).toList());
        }
        int[] width = new int[names.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                b.append(i == 0 ? "" : "  ").append(String.format("%-" + Math.max(1, width[i]) + "s", row.get(i)));
            }
            b.append('\n');
        }
        b.append(table.rows().size()).append(table.rows().size() == 1 ? " run" : " runs");
        return b.toString();
    }

    /** One cell of the text view. */
    static String cell(Value v) {
        return switch (v) {
            case NumberValue n -> compact(n.value()) + (n.unit() == Unit.NONE ? "" : " " + n.unit().word());
            case ModelValue m -> shape(m);
            case DataValue d -> d.source();
            case ListValue l when l.elements().size() > MAX_LIST -> "[" + l.elements().size() + " values]";
            case ListValue l -> l.elements().stream().map(RunTableText::cell)
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
            default -> v.show();
        };
    }

    /** Whole numbers as they are, others with 5 significant digits. */
    static String compact(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15 || !Double.isFinite(x)) {
            return ValueText.number(x);
        }
        String s = String.format(java.util.Locale.ROOT, "%.5g", x);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return trimZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return trimZeros(s);
    }

    private static String trimZeros(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String t = decimal.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** A transformer as {@code L<layers> d<width> h<heads> t<context>}; other models as they print. */
    private static String shape(ModelValue m) {
        RecordValue c = m.config();
        StringBuilder b = new StringBuilder();
        for (String[] f : new String[][] {{"L", "layers"}, {"d", "width"}, {"h", "heads"}, {"t", "context"}}) {
            if (!(c.get(f[1]).orElse(null) instanceof NumberValue n)) {
                return m.show();
            }
            b.append(b.isEmpty() ? "" : " ").append(f[0]).append(ValueText.number(n.value()));
        }
        if (c.get("tied").orElse(null) instanceof BoolValue tied && !tied.value()) {
            b.append(" untied");
        }
        return b.toString();
    }
}
