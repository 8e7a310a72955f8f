package dev.prec.model;

/**
 * Architecture choices beside the sizes of a {@link TransformerConfig}.
 *
 * @param norm the normalisation of every pre-norm position (and the final norm)
 * @param mlp the feed-forward block
 * @param subNorm BitNet-b1.58-style extra normalisation before projections: when true, an RMSNorm
 *     (or LayerNorm, as {@code norm} says) with its own gain is applied to the input of the attention
 *     output projection and of the MLP down projection, the two linear inputs no pre-norm already
 *     normalises (Wang et al., "BitNet", arXiv 2310.11453, SubLN). Kumar et al. added it for
 *     low-precision stability.
 * @param ropeTheta base of the rotary position embedding frequencies, {@code ropeTheta > 1}
 *     (10000 in RoFormer and OLMo)
 * @param initStd standard deviation of the normal initialisation of every weight matrix and the
 *     embedding, {@code initStd > 0} (0.02 in GPT-2 and OLMo); output projections are scaled by
 *     {@code 1 / sqrt(2 L)} as in GPT-2
 */
public record ModelOptions(NormKind norm, MlpKind mlp, boolean subNorm, double ropeTheta, double initStd) {

    /** The paper's defaults: RMSNorm, SwiGLU, no extra norm, RoPE base 10000, init std 0.02. */
    public static final ModelOptions OLMO = new ModelOptions(NormKind.RMS, MlpKind.SWIGLU, false, 10000.0, 0.02);

    /**
     * @throws IllegalArgumentException if {@code norm} or {@code mlp} is null, if
     *     {@code !(ropeTheta > 1)} or {@code !(initStd > 0)}
     */
    public ModelOptions {
        if (norm == null || mlp == null) {
            throw new IllegalArgumentException("norm and mlp kinds are required");
        }
        if (!(ropeTheta > 1) || !Double.isFinite(ropeTheta)) {
            throw new IllegalArgumentException("ropeTheta must be finite and > 1, got " + ropeTheta);
        }
        if (!(initStd > 0) || !Double.isFinite(initStd)) {
            throw new IllegalArgumentException("initStd must be finite and > 0, got " + initStd);
        }
    }

    /** These options with the extra BitNet-style normalisation switched on or off. */
    public ModelOptions withSubNorm(boolean on) {
        return new ModelOptions(norm, mlp, on, ropeTheta, initStd);
    }

    /** These options with another MLP kind. */
    public ModelOptions withMlp(MlpKind kind) {
        return new ModelOptions(norm, kind, subNorm, ropeTheta, initStd);
    }

    /** These options with another normalisation. */
    public ModelOptions withNorm(NormKind kind) {
        return new ModelOptions(kind, mlp, subNorm, ropeTheta, initStd);
    }

    /** Normalisation layers; both have a gain and no bias (the architecture has no biases). */
    public enum NormKind {
        /** {@code y = x / sqrt(mean(x^2) + eps) * g} (Zhang and Sennrich 2019). */
        RMS,
        /** {@code y = (x - mean) / sqrt(var + eps) * g}, without the bias term. */
        LAYER
    }

    /** Feed-forward blocks. */
    public enum MlpKind {
        /** {@code down(silu(gate(x)) * up(x))} (Shazeer 2020): three matrices of C x F. */
        SWIGLU,
        /** {@code down(gelu(up(x)))} with the tanh approximation: two matrices of C x F. */
        GELU
    }
}
