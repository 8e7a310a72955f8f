package dev.prec.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One axis of a sweep: a name and its values, in order. Values are whatever the caller's spec
 * resolver understands (numbers, strings, model descriptions as maps).
 *
 * @param name the axis name, non-blank
 * @param values the values, at least one, no two equal
 */
public record Axis(String name, List<Object> values) {

    /** @throws IllegalArgumentException if {@code name} is blank, or values are empty or repeat */
    public Axis {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an axis needs a name");
        }
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis '" + name + "' has no values");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("axis '" + name + "' repeats a value: " + values);
        }
    }

    /**
     * @param name the axis name
     * @param values its values, in order
     * @return the axis
     */
    public static Axis of(String name, List<?> values) {
        return new Axis(name, List.copyOf(values));
    }

    /**
     * An axis of {@code spacing.count()} values evenly spaced in logarithm from
     * {@code spacing.from()} to {@code spacing.to()}, both included exactly.
     *
     * @param name the axis name
     * @param spacing the range and count
     * @return the axis
     */
    public static Axis logSpaced(String name, LogSpacing spacing) {
        List<Object> values = new ArrayList<>();
        int n = spacing.count();
        double logFrom = Math.log(spacing.from());
        double logTo = Math.log(spacing.to());
        for (int i = 0; i < n; i++) {
            // Endpoints are set exactly so 1e-4..1e-2 contains 1e-4 and 1e-2, not neighbours.
            double v = i == 0 ? spacing.from()
                    : i == n - 1 ? spacing.to() : Math.exp(logFrom + (logTo - logFrom) * i / (n - 1));
            values.add(v);
        }
        return new Axis(name, values);
    }

    /**
     * An axis of {@code draw.count()} values drawn at random, reproducibly from
     * {@code draw.seed()}. The i-th value depends only on the seed and i, so raising the count
     * keeps the earlier values (and the runs using them).
     *
     * @param name the axis name
     * @param draw range, count, seed and whether to draw uniformly in the logarithm
     * @return the axis
     */
    public static Axis random(String name, RandomDraw draw) {
        SplittableRandom random = new SplittableRandom(draw.seed());
        List<Object> values = new ArrayList<>();
        while (values.size() < draw.count()) {
            double u = random.nextDouble();
            double v = draw.logUniform()
                    ? Math.exp(Math.log(draw.from()) + u * (Math.log(draw.to()) - Math.log(draw.from())))
                    : draw.from() + u * (draw.to() - draw.from());
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return new Axis(name, values);
    }

    /**
     * A log-spaced range.
     *
     * @param from first value, {@code from > 0}
     * @param to last value, {@code to > 0}, may be below {@code from} for a falling axis
     * @param count number of values, {@code count >= 2}
     */
    public record LogSpacing(double from, double to, int count) {
        /** @throws IllegalArgumentException if {@code !(from > 0) || !(to > 0) || count < 2} */
        public LogSpacing {
            if (!(from > 0) || !(to > 0) || Double.isInfinite(from) || Double.isInfinite(to)) {
                throw new IllegalArgumentException("log spacing needs finite from > 0 and to > 0, got "
                        + from + " and " + to);
            }
            if (count < 2) {
                throw new IllegalArgumentException("log spacing needs count >= 2, got " + count);
            }
        }
    }

    /**
     * A seeded random draw of axis values.
     *
     * @param from lower end of the range (included)
     * @param to upper end of the range (excluded), {@code to > from}
     * @param count number of distinct values, {@code count >= 1}
     * @param seed the generator's seed; the same seed gives the same values
     * @param logUniform draw uniformly in {@code log(value)} (needs {@code from > 0}) rather than in value
     */
    public record RandomDraw(double from, double to, int count, long seed, boolean logUniform) {
        /**
         * @throws IllegalArgumentException if {@code !(to > from)}, {@code count < 1}, a bound is
         *     not finite, or {@code logUniform && !(from > 0)}
         */
        public RandomDraw {
            if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
                throw new IllegalArgumentException("random draw needs finite from < to, got " + from + ", " + to);
            }
            if (count < 1) {
                throw new IllegalArgumentException("random draw needs count >= 1, got " + count);
            }
            if (logUniform && !(from > 0)) {
                throw new IllegalArgumentException("a log-uniform draw needs from > 0, got " + from);
            }
        }
    }
}
