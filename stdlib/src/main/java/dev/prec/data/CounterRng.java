package dev.prec.data;

/**
 * A counter-based random stream: draw {@code i} of a stream is a pure function of the stream's
 * key and {@code i}, so any sequence of any batch can be produced without producing the others.
 *
 * <p>The generator is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014): the state after {@code i} steps is {@code key + i * GAMMA}, and each
 * output is the Stafford "Mix13" finaliser of that state. It is written out here rather than
 * taken from {@link java.util.SplittableRandom} so that the data a seed names never changes with
 * the JDK.
 *
 * <p>Mutable (the cursor advances); each sequence makes its own instance, never shared.
 */
final class CounterRng {

    /** The odd Weyl increment of SplitMix64 (the golden ratio times 2^64). */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /** Key of this stream: the state before the first draw. */
    private final long key;
    /** Index of the next draw. */
    private long counter;

    /**
     * A stream positioned at its first draw.
     *
     * @param key the stream's key, any value (usually from {@link #key(long...)})
     */
    CounterRng(long key) {
        this.key = key;
    }

    /**
     * Folds several identifiers (seed, split, sequence index ...) into one stream key; distinct
     * tuples give unrelated keys with overwhelming probability, and order matters.
     */
    static long key(long... parts) {
        long h = 0x243F6A8885A308D3L;
        for (long part : parts) {
            h = mix(h ^ mix(part + GAMMA));
            h += GAMMA;
        }
        return h;
    }

    /** Stafford's Mix13 finaliser: a bijection on 64-bit values with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 random bits. */
    long nextLong() {
        counter++;
        return mix(key + counter * GAMMA);
    }

    /** A uniform double in {@code [0, 1)} with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A uniform integer in {@code [0, bound)}, unbiased (Lemire's multiply-shift with rejection).
     *
     * @param bound exclusive upper end, {@code bound >= 1}
     * @throws IllegalArgumentException if {@code bound < 1}
     */
    long nextLong(long bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be >= 1, got " + bound);
        }
        // Rejection on the low product word removes the modulo bias for any bound.
        long threshold = Long.remainderUnsigned(-bound, bound);
        while (true) {
            long bits = nextLong();
            long low = bits * bound;
            if (Long.compareUnsigned(low, threshold) >= 0) {
                return Math.unsignedMultiplyHigh(bits, bound);
            }
        }
    }

    /**
     * A uniform integer in {@code [0, bound)}.
     *
     * @param bound exclusive upper end, {@code bound >= 1}
     * @throws IllegalArgumentException if {@code bound < 1}
     */
    int nextInt(int bound) {
        return (int) nextLong(bound);
    }
}
