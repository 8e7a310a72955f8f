package dev.prec.format;

/**
 * Which elements share one absmax scale. Matrices are row-major (rows, cols): for a weight (OC, C)
 * a row is an output channel, for activations (BT, C) a row is a token, so per channel and per
 * token both mean one scale per row; groups of {@code groupSize} run along a row (the reduction axis
 * of {@code inp · Wᵀ}), the last group of a row being shorter when {@code cols % groupSize != 0}.
 *
 * @param kind the sharing rule
 * @param groupSize elements per group for {@link Kind#GROUP} ({@code >= 1}); 0 for every other kind
 */
public record Granularity(Kind kind, int groupSize) {

    /** The sharing rules. */
    public enum Kind {
        /** No scaling: values are cast onto the grid as they are (scale 1). */
        NONE,
        /** One scale for the whole matrix. */
        TENSOR,
        /** One scale per row of a weight (an output channel). */
        CHANNEL,
        /** One scale per row of an activation matrix (a token). */
        TOKEN,
        /** One scale per group of consecutive elements of a row. */
        GROUP
    }

    /** Cast without scaling. */
    public static final Granularity NONE = new Granularity(Kind.NONE, 0);
    /** One scale for the whole tensor. */
    public static final Granularity PER_TENSOR = new Granularity(Kind.TENSOR, 0);
    /** One scale per output channel (row of a weight). */
    public static final Granularity PER_CHANNEL = new Granularity(Kind.CHANNEL, 0);
    /** One scale per token (row of an activation matrix). */
    public static final Granularity PER_TOKEN = new Granularity(Kind.TOKEN, 0);

    /**
     * @throws IllegalArgumentException if {@code kind} is null, {@code kind == GROUP && groupSize < 1},
     *     or {@code kind != GROUP && groupSize != 0}
     */
    public Granularity {
        if (kind == null) {
            throw new IllegalArgumentException("granularity kind is required");
        }
        if (kind == Kind.GROUP ? groupSize < 1 : groupSize != 0) {
            throw new IllegalArgumentException(kind == Kind.GROUP
                    ? "group size must be at least 1, got " + groupSize
                    : "only per-group granularity has a group size, got " + groupSize + " for " + kind);
        }
    }

    /**
     * One scale per group of consecutive elements along a row.
     *
     * @param size elements per group, {@code size >= 1}
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static Granularity perGroup(int size) {
        return new Granularity(Kind.GROUP, size);
    }

    /**
     * Elements sharing one scale within a row of {@code cols} elements: {@code cols} for per-row
     * kinds, the group size for groups (the last group of a row may be shorter).
     */
    int spanWithin(int cols) {
        return kind == Kind.GROUP ? groupSize : cols;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case TENSOR -> "per_tensor";
            case CHANNEL -> "per_channel";
            case TOKEN -> "per_token";
            case GROUP -> "per_group(" + groupSize + ")";
        };
    }
}
