package dev.prec.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads runs trained elsewhere from CSV (RFC 4180: a header line, comma-separated, fields may be
 * double-quoted with {@code ""} for a quote) or JSON (an array of flat objects) into a
 * {@link RunTable}. Errors name the file and line.
 */
public final class RunTableReader {
    private RunTableReader() {
    }

    /** Reads a CSV or JSON file, chosen by the extension ({@code .json} is JSON, anything else CSV). */
    public static RunTable read(Path file, ColumnMapping mapping) {
        return file.toString().endsWith(".json") ? json(file, mapping) : csv(file, mapping);
    }

    /**
     * Reads a CSV file.
     *
     * @throws TableFormatException if a mapped column is missing, a mapped cell is not a number,
     *     or a line has the wrong number of fields
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RunTable csv(Path file, ColumnMapping mapping) {
        String name = file.toString();
        List<String> lines = readLines(file);
        if (lines.isEmpty()) {
            throw new TableFormatException(name, 0, "empty file; a header line is expected");
        }
        List<String> header = splitCsv(lines.get(0), name, 1);
        List<List<String>> cells = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = splitCsv(lines.get(i), name, i + 1);
            if (row.size() != header.size()) {
                throw new TableFormatException(name, i + 1, "expected " + header.size() + " fields, found " + row.size());
            }
            cells.add(row);
            lineNumbers.add(i + 1);
        }
        return assemble(name, header, cells, lineNumbers, mapping);
    }

    /**
     * Reads a JSON array of flat objects; numbers may also be given as numeric strings.
     *
     * @throws TableFormatException if the JSON is malformed, or as for {@link #csv}
     */
    public static RunTable json(Path file, ColumnMapping mapping) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        JsonRows rows = JsonRows.parse(text, name);
        List<String> header = rows.keys();
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, String> obj : rows.objects()) {
            List<String> row = new ArrayList<>();
            for (String k : header) {
                row.add(obj.getOrDefault(k, ""));
            }
            cells.add(row);
        }
        return assemble(name, header, cells, rows.lines(), mapping);
    }

    private static RunTable assemble(String file, List<String> header, List<List<String>> cells,
                                     List<Integer> lineNumbers, ColumnMapping mapping) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        if (mapping.takesAll()) {
            for (int j = 0; j < header.size(); j++) {
                double[] c = tryNumeric(cells, j);
                if (c != null) {
                    columns.put(header.get(j), c);
                }
            }
        } else {
            for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
                int j = header.indexOf(e.getValue());
                if (j < 0) {
                    throw new TableFormatException(file, 1, "no column \"" + e.getValue() + "\" (for " + e.getKey()
                            + "); the columns are " + header);
                }
                columns.put(e.getKey(), numeric(cells, j, file, lineNumbers, e.getValue()));
            }
        }
        List<String> origins = lineNumbers.stream().map(l -> file + ":" + l).toList();
        return new RunTable(columns, origins, List.of("read " + file + " " + mapping.columns()));
    }

    private static double[] numeric(List<List<String>> cells, int j, String file, List<Integer> lines, String column) {
        double[] out = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).get(j).strip();
            try {
                out[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new TableFormatException(file, lines.get(i), "column \"" + column + "\" is not a number: \"" + cell + "\"");
            }
            if (!Double.isFinite(out[i])) {
                throw new TableFormatException(file, lines.get(i), "column \"" + column + "\" is not finite: \"" + cell + "\"");
            }
        }
        return out;
    }

    private static double[] tryNumeric(List<List<String>> cells, int j) {
        double[] out = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            try {
                out[i] = Double.parseDouble(cells.get(i).get(j).strip());
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(out[i])) {
                return null;
            }
        }
        return out;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Splits one CSV line; quoted fields may contain commas and doubled quotes (not newlines). */
    static List<String> splitCsv(String line, String file, int lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new TableFormatException(file, lineNumber, "unterminated quoted field");
        }
        out.add(field.toString());
        return out;
    }
}
