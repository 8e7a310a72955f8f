package dev.prec.lang.bind.plot;

import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Value;
import dev.prec.plot.Axis;
import dev.prec.plot.Chart;
import dev.prec.plot.Mark;
import dev.prec.plot.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Training and validation loss curves: every list of numbers among a run's results, against the
 * parallel list {@code <name>_tokens} when the run has one (the train engine's {@code val_curve}
 * and {@code train_curve}), else against its index.
 */
final class CurveFigures {
    private CurveFigures() {
    }

    /**
     * @throws IllegalArgumentException if no run has a list of numbers among its results
     */
    static Chart curves(RunTable runs) {
        List<Series> series = new ArrayList<>();
        boolean anyTokens = false;
        for (int r = 0; r < runs.rows().size(); r++) {
            RunTable.Run run = runs.rows().get(r);
            String label = "run " + (r + 1) + run.config().get("precision").map(p -> " (" + p.show() + ")").orElse("");
            var fields = run.results().fields();
            for (var field : fields.entrySet()) {
                if (field.getKey().endsWith("_tokens")) {
                    continue;
                }
                if (field.getValue() instanceof ListValue l && !l.elements().isEmpty() && numeric(l)) {
                    ListValue tokens = tokensOf(fields.get(tokensKey(field.getKey())), l.elements().size());
                    anyTokens |= tokens != null;
                    double[] x = new double[l.elements().size()];
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = tokens != null ? ((NumberValue) tokens.elements().get(i)).value() : i + 1;
                        y[i] = ((NumberValue) l.elements().get(i)).value();
                    }
                    boolean validation = field.getKey().contains("val");
                    series.add(new Series(label + " " + field.getKey(), x, y, validation ? Mark.LINE_AND_POINTS : Mark.LINE));
                }
            }
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no run has a loss curve (a list of numbers among its results)");
        }
        Axis x = anyTokens ? Axis.log("tokens trained") : Axis.linear("logged step");
        // Losses span well under a decade, where a log axis would have no labelled tick.
        return new Chart("Training and validation loss", x, Axis.linear("loss (nats/token)"), series);
    }

    /** {@code val_curve} pairs with {@code val_tokens}; any other name {@code x} with {@code x_tokens}. */
    private static String tokensKey(String curve) {
        return (curve.endsWith("_curve") ? curve.substring(0, curve.length() - "_curve".length()) : curve) + "_tokens";
    }

    /** The x values of a curve: its tokens list when it is numeric and as long as the curve, else null. */
    private static ListValue tokensOf(Value candidate, int length) {
        return candidate instanceof ListValue t && t.elements().size() == length && numeric(t) ? t : null;
    }

    private static boolean numeric(ListValue l) {
        for (Value v : l.elements()) {
            if (!(v instanceof NumberValue)) {
                return false;
            }
        }
        return true;
    }
}
