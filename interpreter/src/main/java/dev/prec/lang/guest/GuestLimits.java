package dev.prec.lang.guest;

import java.time.Duration;

/**
 * What one guest call may use before it is stopped with a script error.
 *
 * @param statements the most guest statements one call (or one definition) may execute, {@code >= 1}
 * @param wallTime the longest one call may run, positive
 * @param heapBytes the most the JVM's used heap may grow during one call, in bytes, {@code >= 1 MiB}; checked
 *     by polling, so it bounds runaway allocation, not exact usage
 */
public record GuestLimits(long statements, Duration wallTime, long heapBytes) {

    /** 10 million statements, 2 seconds, 512 MiB: what a {@code fn} gets unless the script or host says otherwise. */
    public static final GuestLimits DEFAULT = new GuestLimits(10_000_000L, Duration.ofSeconds(2), 512L << 20);

    /**
     * The most a script may ask for unless its host sets a lower ceiling: no statement bound to speak of
     * ({@link Long#MAX_VALUE}), one hour, and no heap bound beyond the JVM's own ({@link Long#MAX_VALUE} bytes).
     */
    public static final GuestLimits CEILING = new GuestLimits(Long.MAX_VALUE, Duration.ofHours(1), Long.MAX_VALUE);

    public GuestLimits {
        if (statements < 1) {
            throw new IllegalArgumentException("statement limit must be >= 1, got " + statements);
        }
        if (wallTime == null || wallTime.isNegative() || wallTime.isZero()) {
            throw new IllegalArgumentException("wall-time limit must be positive, got " + wallTime);
        }
        if (heapBytes < (1L << 20)) {
            throw new IllegalArgumentException("heap limit must be >= 1 MiB, got " + heapBytes);
        }
    }

    /** Whether every limit of this is at most the same limit of {@code other}. */
    public boolean within(GuestLimits other) {
        return statements <= other.statements && wallTime.compareTo(other.wallTime) <= 0 && heapBytes <= other.heapBytes;
    }
}
