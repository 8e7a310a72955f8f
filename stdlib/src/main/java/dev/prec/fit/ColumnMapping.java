package dev.prec.fit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which column of a file becomes which column of a run table, e.g. {@code N <- "Model Size"}.
 * An empty mapping takes every column that is numeric in every row under its own name.
 *
 * @param columns table column name to file column name, in the order the table should have
 */
public record ColumnMapping(Map<String, String> columns) {
    public ColumnMapping {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (e.getKey().isBlank() || e.getValue().isBlank()) {
                throw new IllegalArgumentException("column names must be non-blank: " + e);
            }
        }
    }

    /** The mapping that takes every numeric column under its own name. */
    public static ColumnMapping all() {
        return new ColumnMapping(Map.of());
    }

    /** This mapping plus {@code tableName <- fileName}. */
    public ColumnMapping with(String tableName, String fileName) {
        Map<String, String> m = new LinkedHashMap<>(columns);
        m.put(tableName, fileName);
        return new ColumnMapping(m);
    }

    /** Whether the mapping takes every numeric column. */
    public boolean takesAll() {
        return columns.isEmpty();
    }
}
