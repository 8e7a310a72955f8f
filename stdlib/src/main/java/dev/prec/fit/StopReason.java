package dev.prec.fit;

/** Why an optimisation stopped. */
public enum StopReason {
    /** The projected gradient's largest component fell below the tolerance: converged. */
    GRADIENT_TOLERANCE(true),
    /** The relative decrease of the value over one iteration fell below the tolerance: converged. */
    RELATIVE_REDUCTION(true),
    /** The iteration limit was reached before convergence. */
    MAX_ITERATIONS(false),
    /** No step along the search direction or steepest descent decreased the value. */
    LINE_SEARCH_FAILED(false),
    /** The starting point is outside the function's domain (value not finite). */
    START_OUTSIDE_DOMAIN(false);

    private final boolean converged;

    StopReason(boolean converged) {
        this.converged = converged;
    }

    /** Whether the reason counts as convergence. */
    public boolean converged() {
        return converged;
    }
}
