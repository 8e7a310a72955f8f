package dev.prec.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes runs as a table others can read: CSV (one row per run, spec fields as columns) or JSON
 * (one object per run, curves included). Numbers use {@link CanonicalJson#number}'s shortest
 * round-trip spelling, so exported losses read back bit for bit; NaN and infinities are written
 * {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
public final class RunTableExport {

    /** Result columns after the spec columns in CSV. */
    private static final List<String> RESULT_COLUMNS = List.of("final_val_loss", "tokens_per_second",
            "wall_seconds", "diverged_step", "error", "machine");

    private RunTableExport() {
    }

    /**
     * @param runs the rows, in the order to write them
     * @return RFC 4180 CSV with a header: {@code key,status}, the union of the specs' top-level
     *     fields (sorted; nested values as canonical JSON), then the result columns
     */
    public static String csv(List<RunRecord> runs) {
        TreeSet<String> specColumns = new TreeSet<>();
        for (RunRecord r : runs) {
            specColumns.addAll(r.spec().fields().keySet());
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("key", "status"));
        header.addAll(specColumns);
        header.addAll(RESULT_COLUMNS);
        line(header, out);
        for (RunRecord r : runs) {
            List<String> cells = new ArrayList<>(List.of(r.key(), r.status().label()));
            Map<String, Object> fields = r.spec().fields();
            for (String column : specColumns) {
                Object v = fields.get(column);
                cells.add(!fields.containsKey(column) ? "" : v instanceof String s ? s : CanonicalJson.write(v));
            }
            cells.add(r.result().map(x -> number(x.finalValLoss())).orElse(""));
            cells.add(r.result().map(x -> number(x.tokensPerSecond())).orElse(""));
            cells.add(r.result().map(x -> number(x.wallSeconds())).orElse(""));
            cells.add(r.divergedStep().isPresent() ? Long.toString(r.divergedStep().getAsLong()) : "");
            cells.add(r.error().orElse(""));
            cells.add(r.result().map(RunResult::machine).orElse(""));
            line(cells, out);
        }
        return out.toString();
    }

    /**
     * @param runs the rows, in the order to write them
     * @return a JSON array with one object per run: key, status, spec, error and, when present,
     *     the result with both curves
     */
    public static String json(List<RunRecord> runs) {
        List<Object> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", r.key());
            row.put("status", r.status().label());
            row.put("spec", r.spec().fields());
            row.put("error", r.error().orElse(null));
            row.put("diverged_step", r.divergedStep().isPresent() ? r.divergedStep().getAsLong() : null);
            r.result().ifPresent(x -> {
                row.put("final_val_loss", jsonNumber(x.finalValLoss()));
                row.put("validation", curve(x.validation()));
                row.put("training", curve(x.training()));
                row.put("tokens_per_second", x.tokensPerSecond());
                row.put("wall_seconds", x.wallSeconds());
                row.put("machine", x.machine());
                row.put("checkpoints", x.checkpoints());
            });
            rows.add(row);
        }
        return CanonicalJson.write(rows);
    }

    private static List<Object> curve(List<CurvePoint> points) {
        List<Object> rows = new ArrayList<>();
        for (CurvePoint p : points) {
            rows.add(Map.of("step", p.step(), "tokens", p.tokens(), "loss", jsonNumber(p.loss())));
        }
        return rows;
    }

    private static Object jsonNumber(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? CanonicalJson.number(v) : Double.toString(v);
    }

    private static void line(List<String> cells, StringBuilder out) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }
}
