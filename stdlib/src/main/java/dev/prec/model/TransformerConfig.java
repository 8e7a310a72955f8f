package dev.prec.model;

/**
 * Sizes and architecture of an OLMo-style decoder-only transformer (SCIENCE.md section 1).
 *
 * <p>Parameter count (no biases anywhere):
 * <ul>
 *   <li>per layer: attention {@code 4 C^2} (query, key, value, output), MLP {@code 3 C F} (SwiGLU) or
 *       {@code 2 C F} (GELU), two norm gains {@code 2 C}, plus {@code C + F} with {@link
 *       ModelOptions#subNorm()} (gains before the attention output and the MLP down projection);</li>
 *   <li>final norm gain {@code C};</li>
 *   <li>token embedding {@code V C}, and an LM head {@code V C} more when it is untied.</li>
 * </ul>
 * {@link #nonEmbeddingParams()} is everything but the embedding and the head: the N of the scaling
 * laws (Kaplan et al. 2020 and Kumar et al. count N without embeddings).
 *
 * @param layers number of transformer blocks L, {@code layers >= 1}
 * @param width model width C, {@code width >= 2}, divisible by {@code heads}
 * @param heads attention heads H, {@code heads >= 1}; the head dimension {@code C / H} must be even
 *     (RoPE rotates pairs)
 * @param mlpRatio MLP hidden width as a multiple of C before rounding, {@code mlpRatio > 0}; 8/3 for
 *     SwiGLU (same parameters as a 4x GELU MLP), 4 for GELU
 * @param context tokens per sequence T, {@code context >= 1}
 * @param vocab vocabulary size V, {@code vocab >= 2}
 * @param tied whether the LM head reuses the token embedding matrix
 * @param options normalisation, MLP kind, extra norm, RoPE base and initialisation
 */
public record TransformerConfig(int layers, int width, int heads, double mlpRatio, int context, int vocab,
                                boolean tied, ModelOptions options) {

    /** The SwiGLU ratio that gives the same MLP parameters as a 4x GELU MLP. */
    public static final double SWIGLU_RATIO = 8.0 / 3.0;

    /** Multiple the MLP hidden width is rounded up to (keeps vector kernels free of ragged tails). */
    public static final int MLP_MULTIPLE = 8;

    /**
     * @throws IllegalArgumentException if a size is out of its range above, if {@code width % heads != 0},
     *     if {@code (width / heads) % 2 != 0}, or if {@code options} is null
     */
    public TransformerConfig {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        if (width < 2 || heads < 1 || width % heads != 0) {
            throw new IllegalArgumentException("width must be >= 2 and divisible by heads, got width=" + width
                    + " heads=" + heads);
        }
        if ((width / heads) % 2 != 0) {
            throw new IllegalArgumentException("head dimension width/heads must be even for RoPE, got "
                    + (width / heads));
        }
        if (!(mlpRatio > 0) || !Double.isFinite(mlpRatio)) {
            throw new IllegalArgumentException("mlpRatio must be finite and > 0, got " + mlpRatio);
        }
        if (context < 1) {
            throw new IllegalArgumentException("context must be >= 1, got " + context);
        }
        if (vocab < 2) {
            throw new IllegalArgumentException("vocab must be >= 2, got " + vocab);
        }
        if (options == null) {
            throw new IllegalArgumentException("options are required (use ModelOptions.OLMO)");
        }
    }

    /**
     * The paper's architecture (RMSNorm, SwiGLU with ratio 8/3, RoPE, tied embedding) at the given sizes.
     *
     * @param layers L, {@code >= 1}
     * @param width C, {@code >= 2}, divisible by {@code heads}
     * @param heads H, {@code >= 1}
     * @param context T, {@code >= 1}
     * @param vocab V, {@code >= 2}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static TransformerConfig olmo(int layers, int width, int heads, int context, int vocab) {
        return new TransformerConfig(layers, width, heads, SWIGLU_RATIO, context, vocab, true, ModelOptions.OLMO);
    }

    /** Head dimension D = C / H. */
    public int headDim() {
        return width / heads;
    }

    /**
     * MLP hidden width F: {@code mlpRatio * width} rounded up to a multiple of {@link #MLP_MULTIPLE}
     * (a product within 1e-9 of a multiple counts as that multiple, so 8/3 * 48 gives 128, not 136).
     * Width 64 with 8/3 gives 176; width 256 gives 688.
     */
    public int mlpHidden() {
        double units = mlpRatio * width / MLP_MULTIPLE;
        return MLP_MULTIPLE * (int) Math.max(1, Math.ceil(units - 1e-9));
    }

    /** Number of weight matrices of shape (F, C) or (C, F) in one MLP: 3 for SwiGLU, 2 for GELU. */
    public int mlpMatrices() {
        return options.mlp() == ModelOptions.MlpKind.SWIGLU ? 3 : 2;
    }

    /** Parameters of one block: attention, MLP and norm gains. */
    public long paramsPerLayer() {
        long c = width;
        long norms = 2L * c + (options.subNorm() ? c + mlpHidden() : 0L);
        return 4 * c * c + (long) mlpMatrices() * c * mlpHidden() + norms;
    }

    /** N: parameters outside the token embedding and LM head (all blocks and the final norm gain). */
    public long nonEmbeddingParams() {
        return layers * paramsPerLayer() + width;
    }

    /** Embedding parameters: {@code V C}, doubled when the head is untied. */
    public long embeddingParams() {
        return (tied ? 1L : 2L) * vocab * width;
    }

    /** Every trainable parameter: {@link #nonEmbeddingParams()} plus {@link #embeddingParams()}. */
    public long totalParams() {
        return nonEmbeddingParams() + embeddingParams();
    }

    /** This config with another context length. */
    public TransformerConfig withContext(int t) {
        return new TransformerConfig(layers, width, heads, mlpRatio, t, vocab, tied, options);
    }

    /** This config with another vocabulary. */
    public TransformerConfig withVocab(int v) {
        return new TransformerConfig(layers, width, heads, mlpRatio, context, v, tied, options);
    }

    /** This config with a tied or untied head. */
    public TransformerConfig withTied(boolean t) {
        return new TransformerConfig(layers, width, heads, mlpRatio, context, vocab, t, options);
    }

    /** This config with other options. */
    public TransformerConfig withOptions(ModelOptions o) {
        return new TransformerConfig(layers, width, heads, mlpRatio, context, vocab, tied, o);
    }

    /** This config with another MLP ratio. */
    public TransformerConfig withMlpRatio(double ratio) {
        return new TransformerConfig(layers, width, heads, ratio, context, vocab, tied, options);
    }
}
