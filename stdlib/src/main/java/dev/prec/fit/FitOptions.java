package dev.prec.fit;

import java.util.Objects;

/**
 * How to fit. Defaults ({@link #defaults()}): target column {@code loss}, equal weights, Huber
 * delta 1e-3, 4 grid points per parameter capped at 1024 starts, {@link OptimizerSettings#defaults()},
 * all available processors, seed 0.
 *
 * @param target name of the observed column (loss, or PTQ degradation), values {@code > 0}
 * @param weightColumn name of a column of non-negative weights, or {@code null} for equal weights
 * @param huberDelta Huber threshold on log residuals, {@code > 0}
 * @param gridPointsPerParameter starting values per parameter, {@code >= 1}
 * @param maxStarts cap on the number of starts, {@code >= 1}; a larger grid is subsampled
 *     deterministically from {@code seed}
 * @param optimizer settings of {@link BoundedLbfgs}
 * @param threads worker threads, {@code >= 1}
 * @param seed seed of grid subsampling (and of bootstrap resampling where used)
 */
public record FitOptions(String target, String weightColumn, double huberDelta, int gridPointsPerParameter,
                         int maxStarts, OptimizerSettings optimizer, int threads, long seed) {
    public FitOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(huberDelta > 0)) {
            throw new IllegalArgumentException("huberDelta must be > 0, got " + huberDelta);
        }
        if (gridPointsPerParameter < 1 || maxStarts < 1 || threads < 1) {
            throw new IllegalArgumentException("grid points, starts and threads must be >= 1");
        }
    }

    public static FitOptions defaults() {
        return new FitOptions("loss", null, 1e-3, 4, 1024, OptimizerSettings.defaults(),
                Runtime.getRuntime().availableProcessors(), 0);
    }

    public FitOptions withTarget(String t) {
        return new FitOptions(t, weightColumn, huberDelta, gridPointsPerParameter, maxStarts, optimizer, threads, seed);
    }

    public FitOptions withWeightColumn(String w) {
        return new FitOptions(target, w, huberDelta, gridPointsPerParameter, maxStarts, optimizer, threads, seed);
    }

    public FitOptions withHuberDelta(double d) {
        return new FitOptions(target, weightColumn, d, gridPointsPerParameter, maxStarts, optimizer, threads, seed);
    }

    /** Grid of {@code pointsPerParameter^k} starts, capped at {@code cap}. */
    public FitOptions withGrid(int pointsPerParameter, int cap) {
        return new FitOptions(target, weightColumn, huberDelta, pointsPerParameter, cap, optimizer, threads, seed);
    }

    public FitOptions withOptimizer(OptimizerSettings o) {
        return new FitOptions(target, weightColumn, huberDelta, gridPointsPerParameter, maxStarts, o, threads, seed);
    }

    public FitOptions withThreads(int t) {
        return new FitOptions(target, weightColumn, huberDelta, gridPointsPerParameter, maxStarts, optimizer, t, seed);
    }

    public FitOptions withSeed(long s) {
        return new FitOptions(target, weightColumn, huberDelta, gridPointsPerParameter, maxStarts, optimizer, threads, s);
    }
}
