package dev.prec.ptq;

/**
 * GPTQ's settings (Frantar et al. 2022; defaults of their reference code).
 *
 * @param damp dampening added to the Hessian's diagonal, as a fraction of its mean diagonal,
 *     {@code 0 <= damp}, finite; 0.01 by default. When the dampened Hessian is not positive
 *     definite the fraction is multiplied by 10 and the factorisation retried, up to
 *     {@link #MAX_RETRIES} times; the fraction used is reported per layer
 * @param blockSize columns quantized between lazy updates of the rest of the matrix, {@code >= 1};
 *     128 by default. With groups the block is rounded to a multiple of the group size, so a group's
 *     scale is always computed from fully updated weights
 * @param actOrder quantize columns in order of decreasing Hessian diagonal (GPTQ's
 *     {@code act_order}), the permutation undone in the result
 */
public record GptqOptions(double damp, int blockSize, boolean actOrder) {

    /** Dampening, block 128, natural column order. */
    public static final GptqOptions DEFAULT = new GptqOptions(0.01, 128, false);

    /** Times the dampening is raised tenfold before a layer's quantization fails. */
    public static final int MAX_RETRIES = 6;

    /** @throws IllegalArgumentException if {@code !(damp >= 0)}, {@code damp} is infinite or {@code blockSize < 1} */
    public GptqOptions {
        if (!(damp >= 0) || Double.isInfinite(damp)) {
            throw new IllegalArgumentException("damp must be finite and >= 0, got " + damp);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        }
    }

    /** These options with another dampening fraction. */
    public GptqOptions withDamp(double d) {
        return new GptqOptions(d, blockSize, actOrder);
    }

    /** These options with another block size. */
    public GptqOptions withBlockSize(int b) {
        return new GptqOptions(damp, b, actOrder);
    }

    /** These options with activation ordering on or off. */
    public GptqOptions withActOrder(boolean on) {
        return new GptqOptions(damp, blockSize, on);
    }
}
