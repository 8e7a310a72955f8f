package dev.prec.lang.builtin;

import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads runs trained elsewhere from CSV (RFC 4180: a header row, commas, double-quoted fields with
 * {@code ""} escapes). Columns whose name starts with {@code loss} are results; the others config.
 */
final class CsvTable {
    private CsvTable() {
    }

    /**
     * @throws IllegalArgumentException if the file cannot be read, is empty, or a row's width differs
     *     from the header's
     */
    static RunTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        lines = lines.stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; a CSV table needs a header row");
        }
        List<String> header = fields(lines.getFirst());
        List<RunTable.Run> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = fields(lines.get(i));
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + cells.size()
                        + " fields; the header has " + header.size());
            }
            Map<String, Value> config = new LinkedHashMap<>();
            Map<String, Value> results = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) {
                String name = header.get(j).strip();
                (name.startsWith("loss") ? results : config).put(name, cell(cells.get(j)));
            }
            rows.add(new RunTable.Run(new RecordValue(config), new RecordValue(results)));
        }
        return new RunTable(rows);
    }

    private static Value cell(String text) {
        String t = text.strip();
        try {
            return NumberValue.of(Double.parseDouble(t));
        } catch (NumberFormatException notNumber) {
            return new StringValue(t);
        }
    }

    /** The fields of one line; quotes group commas and {@code ""} is a literal quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cur.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
