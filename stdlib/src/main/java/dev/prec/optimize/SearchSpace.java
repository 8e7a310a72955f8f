package dev.prec.optimize;

import java.util.List;

/**
 * Where the solvers look: the range of precisions (or a discrete menu of hardware precisions), a
 * memory cap on the weights N P, and the ranges of N and D. Immutable; start from
 * {@link #defaults()} and refine with the {@code withXxx} methods.
 *
 * @param minBits lowest precision P in bits, {@code > 0}
 * @param maxBits highest precision in bits, {@code > minBits}
 * @param menu the only precisions allowed, in bits (e.g. 4, 8, 16); empty for the continuous range
 * @param memoryCapBits largest allowed N * P in bits (the model's weights); +infinity for no cap
 * @param minParams smallest N considered, {@code > 0}
 * @param maxParams largest N considered, {@code > minParams}
 * @param minTokens smallest D considered, {@code > 0}
 * @param maxTokens largest D considered, {@code > minTokens}
 */
public record SearchSpace(double minBits, double maxBits, List<Double> menu, double memoryCapBits,
                          double minParams, double maxParams, double minTokens, double maxTokens) {
    public SearchSpace {
        menu = List.copyOf(menu);
        if (!(minBits > 0) || !(maxBits > minBits) || !Double.isFinite(maxBits)) {
            throw new IllegalArgumentException("need 0 < minBits < maxBits < infinity, got " + minBits + ", " + maxBits);
        }
        if (!(minParams > 0) || !(maxParams > minParams) || !(minTokens > 0) || !(maxTokens > minTokens)) {
            throw new IllegalArgumentException("need 0 < min < max for N and D ranges");
        }
        if (!(memoryCapBits > 0)) {
            throw new IllegalArgumentException("memory cap must be > 0 bits, got " + memoryCapBits);
        }
        for (double b : menu) {
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("menu precisions must be finite and > 0 bits, got " + b);
            }
        }
    }

    /** P in [1, 32] bits, no menu, no memory cap, N in [1e3, 1e16], D in [1e3, 1e18]. */
    public static SearchSpace defaults() {
        return new SearchSpace(1, 32, List.of(), Double.POSITIVE_INFINITY, 1e3, 1e16, 1e3, 1e18);
    }

    /** This space with precisions in [lo, hi] bits. @throws IllegalArgumentException if {@code !(0 < lo < hi)} */
    public SearchSpace withBits(double lo, double hi) {
        return new SearchSpace(lo, hi, menu, memoryCapBits, minParams, maxParams, minTokens, maxTokens);
    }

    /** This space restricted to a menu of precisions in bits (empty restores the continuous range). */
    public SearchSpace withMenu(List<Double> bits) {
        return new SearchSpace(minBits, maxBits, bits, memoryCapBits, minParams, maxParams, minTokens, maxTokens);
    }

    /** This space with N * P at most {@code capBits} bits. @throws IllegalArgumentException if {@code capBits <= 0} */
    public SearchSpace withMemoryCap(double capBits) {
        return new SearchSpace(minBits, maxBits, menu, capBits, minParams, maxParams, minTokens, maxTokens);
    }

    /** This space with N in [lo, hi] parameters. */
    public SearchSpace withParams(double lo, double hi) {
        return new SearchSpace(minBits, maxBits, menu, memoryCapBits, lo, hi, minTokens, maxTokens);
    }

    /** This space with D in [lo, hi] tokens. */
    public SearchSpace withTokens(double lo, double hi) {
        return new SearchSpace(minBits, maxBits, menu, memoryCapBits, minParams, maxParams, lo, hi);
    }

    /** Largest N allowed at precision {@code bits}: the N range cut by the memory cap. */
    double maxParamsAt(double bits) {
        return Math.min(maxParams, memoryCapBits / bits);
    }

    /** Whether {@code p} lies inside every range and under the cap. */
    boolean admits(Point p) {
        return p.params() >= minParams && p.params() <= maxParamsAt(p.bits()) * (1 + 1e-12)
                && p.tokens() >= minTokens && p.tokens() <= maxTokens;
    }
}
