package dev.prec.fit;

/**
 * Settings of {@link BoundedLbfgs}.
 *
 * @param memory number of correction pairs kept, {@code 1..100}. SciPy's default is 10; prec's is 30,
 *     at least the parameter count of every built-in law: on the 10-parameter N_eff law 20 pairs cut
 *     the iterations of the best start from 659 to 198, and the 18-parameter unified law converges
 *     with 30 but not with 10 (measured; docs/benchmarks.md)
 * @param maxIterations iteration limit, {@code >= 1}
 * @param gradientTolerance stop when the largest component of the projected gradient is at most
 *     this, {@code >= 0}; tight by default (an under-converged optimiser caused the original
 *     Chinchilla misfit, Besiroglu et al. 2024)
 * @param relativeTolerance stop when {@code (f_k - f_{k+1}) <= relativeTolerance * |f_k|},
 *     {@code >= 0}; relative to the value itself (not to {@code max(|f|, 1)} as in SciPy), because
 *     Huber objectives on log residuals are far below 1
 */
public record OptimizerSettings(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
    public OptimizerSettings {
        if (memory < 1 || memory > 100) {
            throw new IllegalArgumentException("memory must be in 1..100, got " + memory);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(gradientTolerance >= 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0");
        }
    }

    /** memory 30, 1000 iterations, gradient tolerance 1e-10, relative tolerance 1e-10. */
    public static OptimizerSettings defaults() {
        return new OptimizerSettings(30, 1000, 1e-10, 1e-10);
    }

    public OptimizerSettings withMaxIterations(int n) {
        return new OptimizerSettings(memory, n, gradientTolerance, relativeTolerance);
    }

    public OptimizerSettings withGradientTolerance(double t) {
        return new OptimizerSettings(memory, maxIterations, t, relativeTolerance);
    }

    public OptimizerSettings withRelativeTolerance(double t) {
        return new OptimizerSettings(memory, maxIterations, gradientTolerance, t);
    }
}
