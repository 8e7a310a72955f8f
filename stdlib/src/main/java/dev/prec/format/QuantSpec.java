package dev.prec.format;

/**
 * What a tensor is fake-quantized to, and how: a format, which elements share a scale, how values
 * are rounded, and whether the straight-through gradient is zeroed where the forward pass saturated.
 *
 * <p>Block formats carry their own granularity (groups of their block size along a row), so a spec
 * with a {@link BlockFormat} must use {@link BlockFormat#granularity()}; {@link #of} picks it.
 *
 * @param format the number format
 * @param granularity which elements share an absmax scale
 * @param rounding nearest-even or stochastic
 * @param clipGradient whether {@link TensorQuantizer#straightThrough} zeroes gradients of elements
 *     outside the grid's range (false: the plain straight-through estimator, identity)
 */
public record QuantSpec(NumberFormat format, Granularity granularity, Rounding rounding, boolean clipGradient) {

    /**
     * @throws IllegalArgumentException if any part is null, or if {@code format} is a block format
     *     and {@code granularity} is not its block granularity
     */
    public QuantSpec {
        if (format == null || granularity == null || rounding == null) {
            throw new IllegalArgumentException("a quantization spec needs a format, a granularity and a rounding");
        }
        if (format instanceof BlockFormat b && !granularity.equals(b.granularity())) {
            throw new IllegalArgumentException(b.name() + " scales blocks of " + b.blockSize()
                    + " elements; granularity " + granularity + " does not apply");
        }
    }

    /**
     * The spec with the format's natural defaults: round-to-nearest-even, the plain straight-through
     * gradient, and per-tensor absmax scaling for integers and minifloats of 12 bits or fewer, no
     * scaling for fp16, bf16 and fp32, block granularity for block formats.
     *
     * @throws IllegalArgumentException if {@code format} is null
     */
    public static QuantSpec of(NumberFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        Granularity granularity = switch (format) {
            case BlockFormat b -> b.granularity();
            case Fp32Format f -> Granularity.NONE;
            case ElementFormat e -> e.bits() > 12 && e instanceof MiniFloat ? Granularity.NONE : Granularity.PER_TENSOR;
        };
        return new QuantSpec(format, granularity, Rounding.NEAREST_EVEN, false);
    }

    /** This spec with another granularity (validated as in the constructor). */
    public QuantSpec withGranularity(Granularity newGranularity) {
        return new QuantSpec(format, newGranularity, rounding, clipGradient);
    }

    /** This spec with another rounding. */
    public QuantSpec withRounding(Rounding newRounding) {
        return new QuantSpec(format, granularity, newRounding, clipGradient);
    }

    /** This spec with the clipped (true) or plain (false) straight-through gradient. */
    public QuantSpec withClipGradient(boolean clip) {
        return new QuantSpec(format, granularity, rounding, clip);
    }

    /** The fastest single-threaded quantizer: the Vector API pass when available, else the reference. */
    public TensorQuantizer quantizer() {
        return new FakeQuantizer(this, KernelChoice.enabled(), 1);
    }

    /**
     * A quantizer that splits each call over a pool of {@code threads} daemon threads (fixed chunks
     * of rows, so results are the same bits as with one thread).
     *
     * @param threads worker threads, {@code threads >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public TensorQuantizer quantizer(int threads) {
        return new FakeQuantizer(this, KernelChoice.enabled(), threads);
    }

    /** The scalar reference quantizer (slow, obvious; what every fast path is tested against). */
    public TensorQuantizer referenceQuantizer() {
        return new FakeQuantizer(this, false, 1);
    }
}
