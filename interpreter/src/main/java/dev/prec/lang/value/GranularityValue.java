package dev.prec.lang.value;

/**
 * How many values share one quantization scale.
 *
 * @param kind per tensor, per (output) channel, per token, or per group of {@code group} elements
 * @param group the group size for {@link Kind#PER_GROUP}, {@code group >= 1}; 0 otherwise
 */
public record GranularityValue(Kind kind, int group) implements Value {

    /** Scaling granularities of the paper and of common PTQ practice. */
    public enum Kind { PER_TENSOR, PER_CHANNEL, PER_TOKEN, PER_GROUP }

    public GranularityValue {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if ((kind == Kind.PER_GROUP) != (group >= 1)) {
            throw new IllegalArgumentException("a group size >= 1 goes with per_group only, got " + group);
        }
    }

    public static GranularityValue of(Kind kind) {
        return new GranularityValue(kind, 0);
    }

    /** The script spelling: {@code per_channel}, {@code per_group(32)}. */
    public String spelling() {
        String base = kind.name().toLowerCase(java.util.Locale.ROOT);
        return kind == Kind.PER_GROUP ? base + "(" + group + ")" : base;
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.GRANULARITY);
    }
}
