package dev.prec.lang.value;

import dev.prec.format.Granularity;
import dev.prec.format.QuantSpec;
import dev.prec.format.Rounding;
import java.util.Optional;

/**
 * A quantizer for one tensor: a format with its granularity and rounding, as written
 * {@code int(4) per_channel stochastic}. An unwritten granularity is the format's natural one
 * ({@link QuantSpec#of}: per tensor for narrow formats, none for bf16 and wider, the block for
 * block formats); rounding defaults to nearest.
 *
 * @param format the format
 * @param granularity the granularity as written, or empty for the format's natural one
 * @param rounding the rounding
 */
public record QuantValue(FormatValue format, Optional<GranularityValue> granularity, RoundingValue rounding)
        implements Value {
    public QuantValue {
        if (format == null || granularity == null || rounding == null) {
            throw new IllegalArgumentException("format, granularity and rounding are required (granularity may be empty)");
        }
    }

    /** {@code format} with its natural granularity, rounded to nearest. */
    public static QuantValue of(FormatValue format) {
        return new QuantValue(format, Optional.empty(), RoundingValue.NEAREST);
    }

    public QuantValue withGranularity(GranularityValue g) {
        return new QuantValue(format, Optional.of(g), rounding);
    }

    public QuantValue withRounding(RoundingValue r) {
        return new QuantValue(format, granularity, r);
    }

    /**
     * The formats library's spec for this quantizer, what a trainer or PTQ engine applies.
     *
     * @throws IllegalArgumentException if the granularity does not apply to the format (a block
     *     format scales its own blocks)
     */
    public QuantSpec toSpec() {
        QuantSpec spec = QuantSpec.of(format.format());
        if (granularity.isPresent()) {
            GranularityValue g = granularity.get();
            spec = spec.withGranularity(switch (g.kind()) {
                case PER_TENSOR -> Granularity.PER_TENSOR;
                case PER_CHANNEL -> Granularity.PER_CHANNEL;
                case PER_TOKEN -> Granularity.PER_TOKEN;
                case PER_GROUP -> Granularity.perGroup(g.group());
            });
        }
        return spec.withRounding(rounding.mode() == RoundingValue.Mode.STOCHASTIC ? Rounding.STOCHASTIC : Rounding.NEAREST_EVEN);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.QUANT);
    }
}
