package dev.prec.lang.value;

/**
 * A quantizer for one tensor: a format with its granularity and rounding, as written
 * {@code int(4) per_channel stochastic}. Defaults follow the paper: per tensor, round to nearest.
 */
public record QuantValue(FormatValue format, GranularityValue granularity, RoundingValue rounding) implements Value {
    public QuantValue {
        if (format == null || granularity == null || rounding == null) {
            throw new IllegalArgumentException("format, granularity and rounding are required");
        }
    }

    /** {@code format} per tensor, rounded to nearest. */
    public static QuantValue of(FormatValue format) {
        return new QuantValue(format, GranularityValue.of(GranularityValue.Kind.PER_TENSOR), RoundingValue.NEAREST);
    }

    public QuantValue withGranularity(GranularityValue g) {
        return new QuantValue(format, g, rounding);
    }

    public QuantValue withRounding(RoundingValue r) {
        return new QuantValue(format, granularity, r);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.QUANT);
    }
}
