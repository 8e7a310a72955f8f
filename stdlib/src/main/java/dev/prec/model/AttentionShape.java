package dev.prec.model;

/**
 * Sizes of a batch of causal self-attention.
 *
 * @param batch sequences B, {@code >= 1}
 * @param context tokens per sequence T, {@code >= 1}
 * @param heads heads H, {@code >= 1}
 * @param headDim channels per head D, {@code >= 1}
 */
public record AttentionShape(int batch, int context, int heads, int headDim) {
    /** @throws IllegalArgumentException if a size is {@code < 1} */
    public AttentionShape {
        if (batch < 1 || context < 1 || heads < 1 || headDim < 1) {
            throw new IllegalArgumentException("attention sizes must be >= 1, got B=" + batch + " T=" + context
                    + " H=" + heads + " D=" + headDim);
        }
    }

    /** Model width C = H * D. */
    public int width() {
        return heads * headDim;
    }
}
