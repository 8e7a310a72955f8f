package dev.prec.lang.bind.fit;

import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A script's run table as the fitter's columns: one column per law variable plus the target,
 * keeping only rows where all of them are finite numbers and the target is positive (failed and
 * diverged runs have no loss; the fitter works on log losses).
 *
 * @param table the fitter's table
 * @param dropped rows left out for a missing, non-finite or non-positive value
 */
record FitTable(dev.prec.fit.RunTable table, int dropped) {

    /**
     * @param runs the script's runs
     * @param columns the law's variables and, last, the target column
     * @throws IllegalArgumentException if no run has one of the columns, a column holds something
     *     other than numbers, or fewer rows remain than {@code minRows}
     */
    static FitTable of(RunTable runs, List<String> columns, int minRows) {
        for (String c : columns) {
            if (runs.rows().stream().noneMatch(r -> r.fields().get(c).isPresent())) {
                throw new IllegalArgumentException("the runs have no column '" + c + "'"
                        + (runs.rows().isEmpty() ? "" : "; they have " + runs.rows().getFirst().fields().fields().keySet()));
            }
        }
        List<double[]> kept = new ArrayList<>();
        int dropped = 0;
        for (RunTable.Run run : runs.rows()) {
            double[] row = row(run.fields(), columns);
            if (row == null) {
                dropped++;
            } else {
                kept.add(row);
            }
        }
        if (kept.size() < minRows) {
            throw new IllegalArgumentException("only " + kept.size() + " runs have finite values for "
                    + columns + " (" + dropped + " left out); the law needs at least " + minRows);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            double[] c = new double[kept.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = kept.get(i)[j];
            }
            cols.put(columns.get(j), c);
        }
        return new FitTable(dev.prec.fit.RunTable.of("runs", cols), dropped);
    }

    /** The row's values, or null when one is missing or unusable. */
    private static double[] row(RecordValue fields, List<String> columns) {
        double[] row = new double[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            Value v = fields.get(columns.get(j)).orElse(null);
            if (v == null) {
                return null;
            }
            if (!(v instanceof NumberValue n)) {
                throw new IllegalArgumentException("column '" + columns.get(j) + "' holds a "
                        + v.type().describe() + ", not a number");
            }
            row[j] = n.value();
            if (!Double.isFinite(row[j])) {
                return null;
            }
        }
        return row[row.length - 1] > 0 ? row : null;
    }
}
