package dev.prec.sweep;

/**
 * How far a run is.
 *
 * @param tokens training tokens processed so far, {@code 0 <= tokens <= totalTokens}
 * @param totalTokens training tokens of the whole run, {@code >= 1}
 * @param loss the latest training loss, nats per token (NaN when not yet known)
 */
public record RunProgress(long tokens, long totalTokens, double loss) {

    /** @throws IllegalArgumentException if {@code totalTokens < 1} or tokens is outside {@code [0, totalTokens]} */
    public RunProgress {
        if (totalTokens < 1) {
            throw new IllegalArgumentException("totalTokens must be >= 1, got " + totalTokens);
        }
        if (tokens < 0 || tokens > totalTokens) {
            throw new IllegalArgumentException("tokens must be in [0, " + totalTokens + "], got " + tokens);
        }
    }

    /** @return the fraction done, in [0, 1] */
    public double fraction() {
        return (double) tokens / totalTokens;
    }
}
