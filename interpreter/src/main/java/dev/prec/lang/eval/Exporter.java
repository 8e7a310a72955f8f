package dev.prec.lang.eval;

import dev.prec.lang.diag.Span;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PlainJava;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.SweepValue;
import dev.prec.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code export value to "file.csv"} or {@code "file.json"}: tables as CSV, anything as JSON. */
final class Exporter {
    private Exporter() {
    }

    static void write(Value value, Path file, Span at) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        if (name.endsWith(".csv")) {
            text = csv(rows(value, at));
        } else if (name.endsWith(".json")) {
            StringBuilder b = new StringBuilder();
            json(PlainJava.of(value), b);
            text = b.append('\n').toString();
        } else {
            throw new ScriptError(at, "export-format", "export writes .csv or .json files, not " + file.getFileName());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new ScriptError(at, "io", "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static List<RecordValue> rows(Value v, Span at) {
        return switch (v) {
            case RunTable t -> t.rows().stream().map(RunTable.Run::fields).toList();
            case SweepValue s -> s.points();
            case RecordValue r -> List.of(r);
            case ListValue l -> l.elements().stream().map(e -> e instanceof RecordValue r ? r
                    : new RecordValue(Map.of("value", e))).toList();
            default -> throw new ScriptError(at, "type", "CSV holds tables; a " + v.type().describe()
                    + " can be exported to .json");
        };
    }

    /** RFC 4180 CSV with a header of every column that appears, in order of first appearance. */
    static String csv(List<RecordValue> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.fields().keySet()));
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", columns.stream().map(Exporter::quote).toList())).append('\n');
        for (RecordValue r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(r.get(c).map(Exporter::cell).orElse(""));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    private static String cell(Value v) {
        return switch (v) {
            case NumberValue n -> Double.isFinite(n.value()) && n.value() == Math.rint(n.value())
                    && Math.abs(n.value()) < 1e15 ? Long.toString((long) n.value()) : Double.toString(n.value());
            case StringValue s -> quote(s.value());
            default -> quote(v.show());
        };
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** JSON (RFC 8259) of plain Java values; non-finite numbers become null, which JSON lacks. */
    static void json(Object o, StringBuilder b) {
        switch (o) {
            case null -> b.append("null");
            case Double d -> b.append(Double.isFinite(d) ? (d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : d.toString()) : "null");
            case Boolean x -> b.append(x);
            case Map<?, ?> m -> {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(first ? "" : ",");
                    first = false;
                    string(String.valueOf(e.getKey()), b);
                    b.append(':');
                    json(e.getValue(), b);
                }
                b.append('}');
            }
            case List<?> l -> {
                b.append('[');
                for (int i = 0; i < l.size(); i++) {
                    b.append(i == 0 ? "" : ",");
                    json(l.get(i), b);
                }
                b.append(']');
            }
            default -> string(o.toString(), b);
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
