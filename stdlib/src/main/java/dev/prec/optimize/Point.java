package dev.prec.optimize;

/**
 * A training configuration as the solvers see it.
 *
 * @param params model size N in (non-embedding) parameters, finite and {@code > 0}
 * @param tokens training tokens D, finite and {@code > 0}
 * @param bits training precision P in bits, finite and {@code > 0}
 */
public record Point(double params, double tokens, double bits) {
    public Point {
        if (!(params > 0) || !(tokens > 0) || !(bits > 0)
                || !Double.isFinite(params) || !Double.isFinite(tokens) || !Double.isFinite(bits)) {
            throw new IllegalArgumentException("N, D and P must be finite and > 0, got N=" + params + " D=" + tokens + " P=" + bits);
        }
    }

    /** Tokens per parameter, D / N. */
    public double tokensPerParam() {
        return tokens / params;
    }
}
