package dev.prec.model;

/**
 * One named parameter tensor inside the flat parameter buffer (and, at the same offset, inside the
 * gradient, optimiser-moment and quantized-weight buffers).
 *
 * @param name the name used in checkpoints and by the PyTorch twin, e.g. {@code blocks.0.attn.qkv.weight}
 * @param offset index of element (0, 0) in the flat buffer, {@code >= 0}
 * @param rows first dimension (1 for a vector), {@code >= 1}
 * @param cols second dimension, {@code >= 1}
 * @param kind what the tensor is, which decides initialisation, weight decay and quantization
 */
public record ParameterTensor(String name, int offset, int rows, int cols, Kind kind) {

    /** @throws IllegalArgumentException if {@code offset < 0}, a dimension is {@code < 1} or a field is null */
    public ParameterTensor {
        if (name == null || kind == null || offset < 0 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("bad parameter tensor " + name + " at " + offset + " " + rows + "x" + cols);
        }
    }

    /** Number of elements. */
    public int size() {
        return rows * cols;
    }

    /** Tensor kinds. */
    public enum Kind {
        /** Token embedding (V, C), also the head when tied: normal init, weight decay. */
        EMBEDDING,
        /** Weight of a linear layer (OC, C): normal init, weight decay, quantized. */
        MATRIX,
        /** Weight of an output projection feeding the residual stream: init scaled by 1/sqrt(2L). */
        OUTPUT_MATRIX,
        /** Normalisation gain (C): init 1, no weight decay, never quantized. */
        GAIN;

        /** Whether AdamW decays tensors of this kind (matrices and the embedding, not gains). */
        public boolean decayed() {
            return this != GAIN;
        }
    }
}
