package dev.prec.data;

/**
 * Domain tags mixed into every random-stream key, so that the streams a seed feeds (the structure
 * of a synthetic source, its training sequences, its validation sequences) never overlap. Fixed
 * forever: changing one changes every dataset's content.
 */
final class Streams {

    /** Per-state choices of a Markov chain (exponent level, permutation row). */
    static final long STRUCTURE = 1;
    /** Seeded permutations of the vocabulary. */
    static final long PERMUTATION = 2;
    /** Training sequences. */
    static final long TRAIN = 3;
    /** Validation sequences. */
    static final long VALIDATION = 4;
    /** Random choices that build a grammar. */
    static final long GRAMMAR = 5;

    private Streams() {}
}
