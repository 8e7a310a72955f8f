package dev.prec.lang.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A run table as aligned text columns, config columns first. */
final class RunTableText {
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
        List<String> names = new ArrayList<>(columns);
        List<List<String>> cells = new ArrayList<>();
        cells.add(names);
        for (RunTable.Run r : table.rows()) {
            RecordValue all = r.fields();
            cells.add(names.stream().map(c -> all.get(c).map(Value::show).orElse("")).toList());
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
}
