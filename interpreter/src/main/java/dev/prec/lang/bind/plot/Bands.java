package dev.prec.lang.bind.plot;

import dev.prec.lang.value.BootstrapSamples;
import dev.prec.lang.value.LawValue;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Bootstrap bands of a figure computed from a fitted law: the figure's y values are computed once per
 * bootstrap sample of the fit ({@link dev.prec.lang.value.FitResult#sampleLaws()}), and at each x the band
 * is the percentile interval of those values ({@link BootstrapSamples#percentile}, the definition the
 * fitter's parameter intervals use). Samples are computed in parallel, each into its own slot, so a band
 * does not depend on the thread count.
 */
final class Bands {
    private Bands() {
    }

    /**
     * The band of one figure.
     *
     * @param lower per abscissa, the lower end; NaN where fewer than 2 samples give a value
     * @param upper per abscissa, the upper end; NaN where fewer than 2 samples give a value
     */
    record Band(double[] lower, double[] upper) {
        Band {
            if (lower.length != upper.length) {
                throw new IllegalArgumentException("lower and upper need one value per abscissa");
            }
        }
    }

    /**
     * @param samples the law at each bootstrap sample, at least 2
     * @param figure the figure's {x, y} rows for one law, one row per abscissa (null where undefined), the
     *     same number of rows for every law
     * @param level coverage in (0, 1)
     * @throws IllegalArgumentException if there are fewer than 2 samples
     */
    static Band of(List<LawValue> samples, Function<LawValue, double[][]> figure, double level) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("a band needs at least 2 bootstrap samples, got " + samples.size());
        }
        double[][][] rows = new double[samples.size()][][];
        IntStream.range(0, samples.size()).parallel().forEach(i -> rows[i] = figure.apply(samples.get(i)));
        int points = rows[0].length;
        double[] lower = new double[points];
        double[] upper = new double[points];
        for (int p = 0; p < points; p++) {
            final int at = p;
            double[] ys = Arrays.stream(rows).filter(r -> r[at] != null).mapToDouble(r -> r[at][1])
                    .filter(Double::isFinite).toArray();
            var interval = BootstrapSamples.percentile(ys, level);
            lower[p] = interval.map(BootstrapSamples.Interval::lower).orElse(Double.NaN);
            upper[p] = interval.map(BootstrapSamples.Interval::upper).orElse(Double.NaN);
        }
        return new Band(lower, upper);
    }
}
