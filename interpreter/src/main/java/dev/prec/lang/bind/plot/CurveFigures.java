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

/** Training and validation loss curves: every list of numbers among a run's results, against its index. */
final class CurveFigures {
    private CurveFigures() {
    }

    /**
     * @throws IllegalArgumentException if no run has a list of numbers among its results
     */
    static Chart curves(RunTable runs) {
        List<Series> series = new ArrayList<>();
        for (int r = 0; r < runs.rows().size(); r++) {
            RunTable.Run run = runs.rows().get(r);
            String label = "run " + (r + 1) + run.config().get("precision").map(p -> " (" + p.show() + ")").orElse("");
            for (var field : run.results().fields().entrySet()) {
                if (field.getValue() instanceof ListValue l && !l.elements().isEmpty() && numeric(l)) {
                    double[] x = new double[l.elements().size()];
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = i + 1;
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
        return new Chart("Training and validation loss", Axis.linear("logged step"), Axis.log("loss (nats/token)"),
                series);
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
