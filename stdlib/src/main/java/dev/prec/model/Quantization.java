package dev.prec.model;

import dev.prec.format.TensorQuantizer;

/**
 * Where the forward pass fake-quantizes (Kumar et al., section 3): weights of every linear layer
 * (including the LM head; the embedding lookup reads fp32 master weights), activations = the input
 * of every linear layer, and the KV cache = keys and values after projection and RoPE, optionally
 * the queries too ("the whole attention computation"). Backward is straight-through: each
 * quantizer's {@link TensorQuantizer#straightThrough} is applied to the gradient of its output.
 * A null quantizer means no quantization at that point (fp32).
 *
 * <p>Granularity follows the quantizer over the layouts: a weight is (OC, C) with one row per output
 * channel (the fused qkv weight is one (3C, C) tensor, the fused SwiGLU gate/up one (2F, C)); an
 * activation is (B*T, C_in) with one row per token; keys and values are (B*T, C) each.
 *
 * @param weights quantizer of weights, or null
 * @param activations quantizer of linear-layer inputs, or null
 * @param kv quantizer of keys and values, or null
 * @param kvIncludesQueries also quantize the queries with {@code kv}
 */
public record Quantization(TensorQuantizer weights, TensorQuantizer activations, TensorQuantizer kv,
                           boolean kvIncludesQueries) {

    /** No quantization anywhere. */
    public static final Quantization NONE = new Quantization(null, null, null, false);

    /** @throws IllegalArgumentException if {@code kvIncludesQueries && kv == null} */
    public Quantization {
        if (kvIncludesQueries && kv == null) {
            throw new IllegalArgumentException("kvIncludesQueries needs a kv quantizer");
        }
    }

    /** True when weights are quantized by a non-identity quantizer. */
    public boolean quantizesWeights() {
        return active(weights);
    }

    /** True when linear-layer inputs are quantized by a non-identity quantizer. */
    public boolean quantizesActivations() {
        return active(activations);
    }

    /** True when keys and values are quantized by a non-identity quantizer. */
    public boolean quantizesKv() {
        return active(kv);
    }

    private static boolean active(TensorQuantizer q) {
        return q != null && !q.isIdentity();
    }
}
