package dev.prec.format;

/**
 * Fake quantization (quantize, then dequantize back to float) of a row-major matrix, as the trainer
 * and the post-training quantizers apply it.
 *
 * <p>The matrix is {@code rows x cols}, row-major, starting at an offset. For a weight of shape
 * (OC, C) a row is an output channel; for activations of shape (B*T, C) a row is a token. Scaling
 * granularities map onto this layout: per tensor (one scale), per channel and per token (one scale
 * per row), per group of G (one scale per G consecutive elements of a row, i.e. along the reduction
 * axis of a matmul whose weight is (OC, C)).
 *
 * <p>Implementations are immutable and thread-safe. Results never depend on the number of threads
 * that call them: stochastic rounding draws from a counter-based generator keyed by
 * {@link RoundingKey} and the element index.
 */
public interface TensorQuantizer {

    /**
     * Writes the fake-quantized values of {@code src} into {@code dst}.
     *
     * @param src source values, row-major (rows, cols) from {@code srcOffset}
     * @param srcOffset index of element (0, 0) in {@code src}
     * @param dst destination, row-major (rows, cols) from {@code dstOffset}; may be {@code src}
     *     itself with the same offset (in place)
     * @param dstOffset index of element (0, 0) in {@code dst}
     * @param rows number of rows, {@code rows >= 0}
     * @param cols number of columns, {@code cols >= 0}
     * @param key identity of this tensor for stochastic rounding; ignored by round-to-nearest
     */
    void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int rows, int cols, RoundingKey key);

    /** True when {@link #apply} copies its input unchanged (fp32, or formats wider than the data). */
    boolean isIdentity();

    /**
     * Straight-through gradient: multiplies {@code grad} (same layout as the forward input) by the
     * derivative the trainer assumes for the quantizer. The default is the identity (a plain
     * straight-through estimator) and leaves {@code grad} untouched; a quantizer configured to zero
     * gradients outside its clipping range overrides this.
     *
     * @param input forward input values, row-major (rows, cols) from {@code offset}
     * @param grad gradient with respect to the quantizer's output, same layout; updated in place
     */
    default void straightThrough(float[] input, float[] grad, int offset, int rows, int cols) {
    }

    /**
     * Identity of one quantized tensor at one training step, for counter-based stochastic rounding.
     *
     * @param seed the run's seed
     * @param tensorId a stable id of the tensor within the model (layer and part)
     * @param step the optimiser step (or any counter the caller advances)
     */
    record RoundingKey(long seed, int tensorId, long step) {
        /** The key for callers that use round-to-nearest only. */
        public static final RoundingKey NONE = new RoundingKey(0, 0, 0);
    }
}
