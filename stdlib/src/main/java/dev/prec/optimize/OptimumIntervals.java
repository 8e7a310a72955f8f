package dev.prec.optimize;

import dev.prec.fit.Bootstrap;
import dev.prec.fit.BootstrapResult;
import dev.prec.fit.FitResult;
import dev.prec.fit.Interval;
import dev.prec.law.LawInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Intervals of an optimum when the law came from a fit: the problem is solved once per bootstrap
 * resample of the runs (each resample refitted by {@link Bootstrap}), and percentile intervals are
 * taken over the solutions. A resample whose law has no feasible optimum is left out of the intervals.
 */
public final class OptimumIntervals {
    private OptimumIntervals() {
    }

    /**
     * @param fit the fit the law came from (its provenance lets the resamples be refitted)
     * @param solve the problem, e.g. {@code law -> new Solver(LossSurface.of(law), cost, space).joint(1e21)};
     *     must be thread-safe
     * @param resamples bootstrap resamples, {@code >= 2}
     * @param level interval coverage in (0, 1), e.g. 0.95
     * @param seed seed of the resampling (the same seed reproduces the fit's own bootstrap)
     * @return intervals for {@code N}, {@code D}, {@code P} and {@code loss}
     * @throws IllegalArgumentException if {@code resamples < 2} or fewer than 2 refits converge
     */
    public static Map<String, Interval> of(FitResult fit, Function<LawInstance, Optimum> solve, int resamples,
                                           double level, long seed) {
        BootstrapResult r = Bootstrap.run(fit, resamples, level, seed, values -> {
            try {
                Optimum o = solve.apply(fit.law().at(values));
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("N", o.point().params());
                m.put("D", o.point().tokens());
                m.put("P", o.point().bits());
                m.put("loss", o.loss());
                return m;
            } catch (IllegalArgumentException infeasible) {
                // NaN keeps the keys (the bootstrap reads them from the first sample) and drops the value
                return Map.of("N", Double.NaN, "D", Double.NaN, "P", Double.NaN, "loss", Double.NaN);
            }
        });
        return r.derived();
    }
}
