package dev.prec.fit;

import dev.prec.law.Expr;
import dev.prec.law.Law;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs as numeric columns: one row per training run (or per post-quantized checkpoint), one
 * column per quantity (N, D, P_w, loss, ...). Immutable: columns are copied in and never handed
 * out for writing. Each row remembers where it came from (file and line) for error messages, and
 * the table keeps a list of the filters and derivations applied to it, for provenance.
 *
 * @param columns the columns by name, all of length {@code origins.size()}, in insertion order
 * @param origins where each row came from, e.g. {@code runs.csv:17}
 * @param history the derivations and filters applied since reading, oldest first
 */
public record RunTable(Map<String, double[]> columns, List<String> origins, List<String> history) {
    public RunTable {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getValue().length != origins.size()) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " rows, the table " + origins.size());
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        columns = java.util.Collections.unmodifiableMap(copy);
        origins = List.copyOf(origins);
        history = List.copyOf(history);
    }

    /** A table from columns; rows are named {@code source:1}, {@code source:2}, ... */
    public static RunTable of(String source, Map<String, double[]> columns) {
        int rows = columns.isEmpty() ? 0 : columns.values().iterator().next().length;
        List<String> origins = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            origins.add(source + ":" + (i + 1));
        }
        return new RunTable(columns, origins, List.of("from " + source));
    }

    /** Number of rows. */
    public int rows() {
        return origins.size();
    }

    /** Whether the table has a column called {@code name}. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * A copy of the column {@code name}.
     *
     * @throws IllegalArgumentException if there is no such column; the message lists the columns
     */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name + "; the table has " + columns.keySet());
        }
        return c.clone();
    }

    /** Values of {@code expr} per row, reading the table's columns as its variables. */
    public double[] evaluate(Expr expr) {
        Law law = Law.builder("column").variables(expr.variables().toArray(String[]::new))
                .loss(expr).build();
        List<String> vars = law.variables();
        double[][] cols = new double[vars.size()][];
        for (int j = 0; j < vars.size(); j++) {
            cols[j] = column(vars.get(j));
        }
        if (vars.isEmpty()) {
            double[] constant = new double[rows()];
            java.util.Arrays.fill(constant, law.at(Map.of()).evaluate(Map.of()).orThrow());
            return constant;
        }
        var ev = law.compile().bind(cols).evaluator();
        ev.forward(new double[0]);
        return ev.predictions().clone();
    }

    /**
     * The table with a new column computed from others, e.g. {@code D = C / (6 N)}.
     *
     * @throws IllegalArgumentException if the column exists or the expression has parameters
     */
    public RunTable withColumn(String name, Expr expr) {
        if (has(name)) {
            throw new IllegalArgumentException("column " + name + " exists already");
        }
        if (!expr.parameters().isEmpty()) {
            throw new IllegalArgumentException("a derived column cannot read parameters " + expr.parameters());
        }
        Map<String, double[]> m = new LinkedHashMap<>(columns);
        m.put(name, evaluate(expr));
        return new RunTable(m, origins, append(name + " = " + expr.print()));
    }

    /** The rows where {@code condition > 0}, e.g. {@code loss < 5} as {@code 5 - loss}. */
    public RunTable where(Expr condition, String description) {
        double[] c = evaluate(condition);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 0) {
                keep.add(i);
            }
        }
        return select(keep.stream().mapToInt(Integer::intValue).toArray(), "where " + description);
    }

    /**
     * The rows at {@code indices} in that order (repeats allowed).
     *
     * @param indices row indices, each in {@code [0, rows())}
     * @param description how the selection was made, for the history
     */
    public RunTable select(int[] indices, String description) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] src = e.getValue();
            double[] dst = new double[indices.length];
            for (int i = 0; i < indices.length; i++) {
                dst[i] = src[indices[i]];
            }
            m.put(e.getKey(), dst);
        }
        List<String> o = new ArrayList<>(indices.length);
        for (int i : indices) {
            o.add(origins.get(i));
        }
        return new RunTable(m, o, append(description));
    }

    private List<String> append(String entry) {
        List<String> h = new ArrayList<>(history);
        h.add(entry);
        return h;
    }

    /** SHA-256 over column names and values (bits exactly), for provenance. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                ByteBuffer buf = ByteBuffer.allocate(8 * e.getValue().length);
                for (double v : e.getValue()) {
                    buf.putDouble(v);
                }
                md.update(buf.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Checks that every variable of {@code law} and the {@code target} column exist. */
    void requireColumnsFor(Law law, String target) {
        for (String v : law.variables()) {
            column(v);
        }
        column(target);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunTable t && origins.equals(t.origins) && fingerprint().equals(t.fingerprint());
    }

    @Override
    public int hashCode() {
        return origins.hashCode();
    }
}
