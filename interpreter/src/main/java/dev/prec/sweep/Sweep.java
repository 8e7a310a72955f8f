package dev.prec.sweep;

import dev.prec.store.RunSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A sweep: the cartesian product of its axes, keeping the points its constraint accepts.
 *
 * @param axes the axes, distinct names; the first varies slowest
 * @param where the constraint a point must satisfy to become a run
 */
public record Sweep(List<Axis> axes, Predicate<Point> where) {

    /** @throws IllegalArgumentException if two axes share a name */
    public Sweep {
        axes = List.copyOf(axes);
        Objects.requireNonNull(where, "where");
        Set<String> names = new HashSet<>();
        for (Axis a : axes) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two axes are named '" + a.name() + "'");
            }
        }
    }

    /**
     * @param axes the axes, the first varying slowest
     * @return a sweep over all their combinations
     */
    public static Sweep of(Axis... axes) {
        return new Sweep(List.of(axes), p -> true);
    }

    /**
     * @param constraint a further condition on points
     * @return this sweep keeping only points that also satisfy {@code constraint}
     */
    public Sweep where(Predicate<Point> constraint) {
        return new Sweep(axes, where.and(constraint));
    }

    /** @return the accepted points, first axis slowest */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        int[] index = new int[axes.size()];
        long total = 1;
        for (Axis a : axes) {
            total = Math.multiplyExact(total, a.values().size());
        }
        for (long n = 0; n < total; n++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < axes.size(); i++) {
                values.put(axes.get(i).name(), axes.get(i).values().get(index[i]));
            }
            Point p = new Point(values);
            if (where.test(p)) {
                points.add(p);
            }
            for (int i = axes.size() - 1; i >= 0; i--) {
                if (++index[i] < axes.get(i).values().size()) {
                    break;
                }
                index[i] = 0;
            }
        }
        return points;
    }

    /**
     * Resolves every point into a run spec, dropping repeats (points that resolve alike).
     *
     * @param resolver builds a point's full spec fields (axis values plus the fixed settings:
     *     data fingerprint, optimiser, trainer version, ...)
     * @return the distinct specs in point order
     */
    public List<RunSpec> specs(Function<Point, ? extends Map<String, ?>> resolver) {
        Map<String, RunSpec> byKey = new LinkedHashMap<>();
        for (Point p : points()) {
            RunSpec spec = RunSpec.of(resolver.apply(p));
            byKey.putIfAbsent(spec.key(), spec);
        }
        return List.copyOf(byKey.values());
    }
}
