package dev.prec.lang.bind.plot;

import dev.prec.lang.value.LawValue;
import dev.prec.plot.Axis;
import dev.prec.plot.Chart;
import dev.prec.plot.Mark;
import dev.prec.plot.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Loss against N or D per precision (observed and fitted), and fitted against observed loss. */
final class LossFigures {
    /** Points on each fitted curve: smooth on a log axis, cheap to evaluate. */
    private static final int CURVE_POINTS = 60;
    /** Most groups whose fitted curves get a band: beyond it two more legend entries per group hide the data. */
    static final int MOST_BANDED_GROUPS = 4;

    private LossFigures() {
    }

    /**
     * Observed loss against {@code x} (N or D), one colour per precision and value of the other variables,
     * with the fitted law's curve through each group when a fitted law is given.
     *
     * @param runs the observations
     * @param law a fitted law, or empty for observations alone
     * @param x {@code N} or {@code D}
     * @param samples the law at each bootstrap sample of its fit: with at most {@link #MOST_BANDED_GROUPS}
     *     groups each fitted curve gets its percentile band; empty for none
     * @param level the band's coverage in (0, 1)
     */
    static Chart lossAgainst(List<Observation> runs, Optional<LawValue> law, String x, List<LawValue> samples,
                             double level) {
        Map<String, List<Observation>> groups = new LinkedHashMap<>();
        List<String> allHeld = law.map(l -> l.variables().stream().filter(v -> !v.equals(x)).toList())
                .orElse(List.of(x.equals("N") ? "D" : "N"));
        // Held variables with one value over all runs go to the title once instead of into every legend entry.
        List<String> held = allHeld.stream().filter(v -> distinct(runs, v) > 1).toList();
        List<String> constant = allHeld.stream().filter(v -> distinct(runs, v) == 1).toList();
        for (Observation o : runs) {
            groups.computeIfAbsent(groupName(o, held), k -> new ArrayList<>()).add(o);
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<Observation>> g : groups.entrySet()) {
            List<Observation> members = g.getValue();
            double[] xs = new double[members.size()];
            double[] ys = new double[members.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = members.get(i).get(x);
                ys[i] = members.get(i).loss();
            }
            series.add(new Series(g.getKey(), xs, ys, Mark.POINTS));
            if (law.isPresent()) {
                Series fitted = curve(law.get(), members.getFirst(), x, xs, "fit: " + g.getKey());
                series.add(fitted);
                if (!samples.isEmpty() && groups.size() <= MOST_BANDED_GROUPS) {
                    Bands.Band band = Bands.of(samples, s -> rows(curve(s, members.getFirst(), x, xs, "sample")), level);
                    String name = String.format(Locale.ROOT, "%.0f%% band: %s", 100 * level, g.getKey());
                    series.add(new Series(name + ", lower", fitted.x(), band.lower(), Mark.DASHED));
                    series.add(new Series(name + ", upper", fitted.x(), band.upper(), Mark.DASHED));
                }
            }
        }
        String axis = x.equals("N") ? "parameters N" : "training tokens D";
        StringBuilder at = new StringBuilder();
        for (String v : constant) {
            at.append(at.isEmpty() ? " at " : ", ").append(v).append(" = ").append(Observation.format(runs.getFirst().get(v)));
        }
        String title = "Loss against " + (x.equals("N") ? "model size" : "data") + " per precision" + at
                + law.map(l -> " (" + l.name() + ")").orElse("");
        // Losses span well under a decade, where a log axis would have no labelled tick: linear (log_y: true
        // restores the log-log view).
        return new Chart(title, Axis.log(axis), Axis.linear("loss (nats/token)"), series);
    }

    private static double[][] rows(Series s) {
        double[][] rows = new double[s.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {s.x()[i], s.y()[i]};
        }
        return rows;
    }

    /** Distinct values of {@code variable} over the runs that have it. */
    private static long distinct(List<Observation> runs, String variable) {
        return runs.stream().filter(o -> o.numbers().containsKey(variable)).mapToDouble(o -> o.get(variable))
                .distinct().count();
    }

    private static String groupName(Observation o, List<String> held) {
        StringBuilder s = new StringBuilder(o.precision().isEmpty() ? "runs" : o.precision());
        for (String v : held) {
            if (o.numbers().containsKey(v) && !o.precision().startsWith(v + " =")) {
                s.append(", ").append(v).append(" = ").append(Observation.format(o.get(v)));
            }
        }
        return s.toString();
    }

    private static Series curve(LawValue law, Observation at, String x, double[] observedX, String name) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : observedX) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // A group of one run still gets a visible curve: half a decade either side.
        double logLo = Math.log(lo) - 0.5 * Math.log(10) * (hi == lo ? 1 : 0.2);
        double logHi = Math.log(hi) + 0.5 * Math.log(10) * (hi == lo ? 1 : 0.2);
        double[] xs = new double[CURVE_POINTS];
        double[] ys = new double[CURVE_POINTS];
        Map<String, Double> vars = new HashMap<>();
        for (String v : law.variables()) {
            vars.put(v, at.get(v));
        }
        for (int i = 0; i < CURVE_POINTS; i++) {
            xs[i] = Math.exp(logLo + (logHi - logLo) * i / (CURVE_POINTS - 1));
            vars.put(x, xs[i]);
            ys[i] = law.form().loss(vars, law.values());
        }
        return new Series(name, xs, ys, Mark.LINE);
    }

    /**
     * Fitted against observed loss with the diagonal; the legend carries R^2 = 1 - SS_res / SS_tot of
     * these runs.
     */
    static Chart fittedAgainstObserved(List<Observation> runs, LawValue law) {
        double[] observed = new double[runs.size()];
        double[] fitted = new double[runs.size()];
        for (int i = 0; i < observed.length; i++) {
            Observation o = runs.get(i);
            Map<String, Double> vars = new HashMap<>();
            for (String v : law.variables()) {
                vars.put(v, o.get(v));
            }
            observed[i] = o.loss();
            fitted[i] = law.form().loss(vars, law.values());
        }
        double r2 = rSquared(observed, fitted);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < observed.length; i++) {
            lo = Math.min(lo, Math.min(observed[i], fitted[i]));
            hi = Math.max(hi, Math.max(observed[i], fitted[i]));
        }
        List<Series> series = List.of(
                new Series(String.format(Locale.ROOT, "runs (R^2 = %.4f)", r2), observed, fitted, Mark.POINTS),
                new Series("fitted = observed", new double[] {lo, hi}, new double[] {lo, hi}, Mark.DASHED));
        return new Chart("Fit quality of " + law.name(), Axis.linear("observed loss (nats/token)"),
                Axis.linear("fitted loss (nats/token)"), series);
    }

    /** The coefficient of determination 1 - SS_res / SS_tot; NaN with fewer than two distinct observations. */
    static double rSquared(double[] observed, double[] fitted) {
        double mean = 0;
        for (double v : observed) {
            mean += v;
        }
        mean /= observed.length;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < observed.length; i++) {
            ssRes += (observed[i] - fitted[i]) * (observed[i] - fitted[i]);
            ssTot += (observed[i] - mean) * (observed[i] - mean);
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
    }
}
