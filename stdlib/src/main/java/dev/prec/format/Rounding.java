package dev.prec.format;

/** How a value between two grid points is rounded. */
public enum Rounding {
    /** To the nearer grid point; exact ties to the one with an even code (IEEE 754 roundTiesToEven). */
    NEAREST_EVEN,
    /**
     * Up with probability equal to the fraction of the grid step covered, else down, so the expected
     * result equals the input; random bits come from a counter-based generator keyed by
     * (seed, tensor id, step, element index), see {@link TensorQuantizer.RoundingKey}.
     */
    STOCHASTIC
}
