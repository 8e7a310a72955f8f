package dev.prec.lang.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The bootstrap of a fit, kept on the {@link FitResult} so that anything computed from the fitted
 * law (a prediction, an optimum, a plotted curve) can carry an interval: compute the quantity once
 * per sample and take {@link #interval}.
 *
 * @param resamples resamples drawn, {@code >= 2}
 * @param failed resamples whose refit did not converge; they have no sample, {@code 0 <= failed < resamples}
 * @param level coverage of the intervals computed from the samples, in (0, 1), e.g. 0.95
 * @param seed the seed of the resampling
 * @param samples the parameter values of each converged refit, in resample order; every map holds
 *     every parameter of the law (parameters held by {@code fixed} at their fixed values)
 */
public record BootstrapSamples(int resamples, int failed, double level, long seed, List<Map<String, Double>> samples) {

    /**
     * A percentile interval of a quantity over the samples.
     *
     * @param lower the {@code (1 - level) / 2} percentile
     * @param upper the {@code (1 + level) / 2} percentile, {@code >= lower}
     * @param used samples where the quantity was finite (the others are left out), {@code >= 2}
     */
    public record Interval(double lower, double upper, int used) {
        public Interval {
            if (!(upper >= lower) || used < 2) {
                throw new IllegalArgumentException("need lower <= upper over at least 2 samples, got [" + lower + ", "
                        + upper + "] over " + used);
            }
        }
    }

    public BootstrapSamples {
        if (resamples < 2 || failed < 0 || failed >= resamples || !(level > 0 && level < 1) || samples == null) {
            throw new IllegalArgumentException("need resamples >= 2, 0 <= failed < resamples, 0 < level < 1 and samples;"
                    + " got " + resamples + ", " + failed + ", " + level);
        }
        samples = samples.stream().map(s -> Collections.unmodifiableMap(new LinkedHashMap<>(s))).toList();
    }

    /**
     * The percentile interval of {@code quantity} over the samples, linear interpolation between order
     * statistics (the definition the fitter's parameter intervals use).
     *
     * @param quantity computes the quantity from one sample's parameter values; NaN or infinite where it
     *     is undefined (such samples are left out)
     * @return the interval, or empty when fewer than 2 samples give a finite value
     */
    public Optional<Interval> interval(ToDoubleFunction<Map<String, Double>> quantity) {
        double[] v = samples.stream().mapToDouble(quantity).filter(Double::isFinite).toArray();
        return percentile(v, level);
    }

    /**
     * The {@code level} percentile interval of {@code values} (sorted in place).
     *
     * @param values finite values, in any order
     * @param level coverage in (0, 1)
     * @return empty when there are fewer than 2 values
     */
    public static Optional<Interval> percentile(double[] values, double level) {
        if (values.length < 2) {
            return Optional.empty();
        }
        Arrays.sort(values);
        double tail = (1 - level) / 2;
        return Optional.of(new Interval(quantile(values, tail), quantile(values, 1 - tail), values.length));
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
