package dev.prec.fit;

/**
 * A percentile bootstrap interval.
 *
 * @param lo lower end
 * @param hi upper end, {@code >= lo}
 * @param level coverage, in (0, 1), e.g. 0.95
 */
public record Interval(double lo, double hi, double level) {
    public Interval {
        if (!(hi >= lo) || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need lo <= hi and 0 < level < 1, got [" + lo + ", " + hi + "] at " + level);
        }
    }

    /** Whether {@code value} lies inside (ends included). */
    public boolean contains(double value) {
        return value >= lo && value <= hi;
    }

    /** The {@code level} percentile interval of {@code samples} (sorted in place), linear interpolation. */
    static Interval percentile(double[] samples, double level) {
        java.util.Arrays.sort(samples);
        double tail = (1 - level) / 2;
        return new Interval(quantile(samples, tail), quantile(samples, 1 - tail), level);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
