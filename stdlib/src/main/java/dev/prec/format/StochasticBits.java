package dev.prec.format;

/**
 * The counter-based random generator of stochastic rounding: 32 random bits per element index, a
 * pure function of ({@link TensorQuantizer.RoundingKey}, index), so results never depend on how
 * elements are split among threads.
 *
 * <p>The key's three parts are folded into 64 bits with the SplitMix64 finalizer (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014). Per element, the index is
 * spread by the golden-ratio constant (a Weyl sequence), offset by the key's low half, passed
 * through MurmurHash3's 32-bit finalizer (a bijection with full avalanche) and XORed with the key's
 * high half. It uses only 32-bit integer operations, so the Vector API kernel computes the same
 * bits lane by lane.
 *
 * @param keyLow low 32 bits of the mixed key
 * @param keyHigh high 32 bits of the mixed key
 */
record StochasticBits(int keyLow, int keyHigh) {

    /** Golden-ratio increment, {@code floor(2^32 / phi)}. */
    static final int GOLDEN = 0x9E3779B9;
    static final int MURMUR_1 = 0x85EBCA6B;
    static final int MURMUR_2 = 0xC2B2AE35;

    /** The generator for one tensor at one step. */
    static StochasticBits of(TensorQuantizer.RoundingKey key) {
        long h = splitMix(key.seed());
        h = splitMix(h ^ key.tensorId());
        h = splitMix(h ^ key.step());
        return new StochasticBits((int) h, (int) (h >>> 32));
    }

    /**
     * Random bits for one element.
     *
     * @param index the element's index in its matrix, {@code row * cols + col}
     */
    int at(int index) {
        int x = index * GOLDEN + keyLow;
        x ^= x >>> 16;
        x *= MURMUR_1;
        x ^= x >>> 13;
        x *= MURMUR_2;
        x ^= x >>> 16;
        return x ^ keyHigh;
    }

    private static long splitMix(long state) {
        long z = state + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
