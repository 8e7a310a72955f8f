package dev.prec.data;

/**
 * Parameters of a Zipf-weighted Markov source ({@link MarkovSource}), as a script declares them:
 * {@code synthetic(vocab: 128, order: 3, zipf: 1.1, seed: 7)}. Immutable; validated on
 * construction.
 *
 * <p>Each state (the last {@code order} tokens) draws a seeded permutation of the vocabulary and
 * puts Zipf weights {@code (rank + 1)^-s} on its first {@code branching} tokens; the state's own
 * exponent {@code s} is one of {@link MarkovChain#EXPONENT_LEVELS} levels spread evenly over
 * {@code [zipf / 2, 3 zipf / 2]}, so states differ in how peaked they are and the stationary
 * distribution matters for the entropy rate. The two knobs that move the entropy rate below
 * {@code log(vocab)}: a larger {@code zipf} (more peaked) and a smaller {@code branching} (fewer
 * possible successors; the rate is at most {@code log(branching)}).
 *
 * <p>Size limits, because the exact entropy rate needs the stationary distribution over all
 * {@code vocab^order} states by power iteration, each sweep costing O({@code vocab^order *
 * branching}): at most {@link #MAX_STATES} states and {@link #MAX_TRANSITIONS} nonzero transitions.
 * Build a spec with the canonical constructor, or from {@link #FIRST_ORDER_64} with the
 * {@code withXxx} methods, setting {@code vocab} before {@code order} (each step is validated).
 *
 * @param vocab number of distinct tokens, {@code 2 <= vocab <= 65536}
 * @param order tokens of history a state remembers, {@code 1 <= order <= 8}
 * @param zipf mean Zipf exponent of the transition weights, finite, {@code 0 <= zipf <= 16};
 *     0 gives uniform weights over the {@code branching} successors
 * @param branching successors with nonzero probability per state, {@code 1 <= branching <= vocab}
 * @param seed seed of the chain's structure and of its sequences, any value
 */
public record MarkovSpec(int vocab, int order, double zipf, int branching, long seed) {

    /** Largest state space {@code vocab^order} accepted (2^22, e.g. vocab 128 at order 3). */
    public static final long MAX_STATES = 1L << 22;
    /** Largest number of nonzero transitions {@code vocab^order * branching} accepted (2^28). */
    public static final long MAX_TRANSITIONS = 1L << 28;

    /**
     * A first-order source over 64 tokens with moderately peaked transitions (mean exponent 1.0,
     * all 64 successors possible, entropy rate 3.41 nats against log 64 = 4.16): a 2-layer
     * width-64 Transformer learns its transition table within a few hundred thousand tokens.
     */
    public static final MarkovSpec FIRST_ORDER_64 = new MarkovSpec(64, 1, 1.0, 64, 1);

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if any parameter is outside its documented range, or if
     *     {@code vocab^order > MAX_STATES} or {@code vocab^order * branching > MAX_TRANSITIONS}
     */
    public MarkovSpec {
        if (vocab < 2 || vocab > 65536) {
            throw new IllegalArgumentException(
                    "synthetic source: vocab must be between 2 and 65536, got " + vocab);
        }
        if (order < 1 || order > 8) {
            throw new IllegalArgumentException(
                    "synthetic source: order must be between 1 and 8, got " + order);
        }
        if (!(zipf >= 0 && zipf <= 16)) {
            throw new IllegalArgumentException(
                    "synthetic source: zipf exponent must be between 0 and 16, got " + zipf);
        }
        if (branching < 1 || branching > vocab) {
            throw new IllegalArgumentException("synthetic source: branching must be between 1 and"
                    + " vocab = " + vocab + ", got " + branching);
        }
        long states = stateCount(vocab, order);
        if (states > MAX_STATES) {
            throw new IllegalArgumentException("synthetic source: vocab^order = " + vocab + "^"
                    + order + (states == Long.MAX_VALUE ? "" : " = " + states)
                    + " states exceeds the limit of " + MAX_STATES
                    + " for an exact entropy rate; lower the order or the vocab");
        }
        if (states * branching > MAX_TRANSITIONS) {
            throw new IllegalArgumentException("synthetic source: " + states + " states x branching "
                    + branching + " = " + states * branching + " transitions exceeds the limit of "
                    + MAX_TRANSITIONS + "; lower branching to at most " + MAX_TRANSITIONS / states);
        }
    }

    /** Number of states, {@code vocab^order}. */
    public int states() {
        return (int) stateCount(vocab, order);
    }

    /** This spec with another vocabulary size; branching follows when it was the full vocab. */
    public MarkovSpec withVocab(int newVocab) {
        int newBranching = branching == vocab ? newVocab : Math.min(branching, newVocab);
        return new MarkovSpec(newVocab, order, zipf, newBranching, seed);
    }

    /** This spec with another order. */
    public MarkovSpec withOrder(int newOrder) {
        return new MarkovSpec(vocab, newOrder, zipf, branching, seed);
    }

    /** This spec with another mean Zipf exponent. */
    public MarkovSpec withZipf(double newZipf) {
        return new MarkovSpec(vocab, order, newZipf, branching, seed);
    }

    /** This spec with another number of possible successors per state. */
    public MarkovSpec withBranching(int newBranching) {
        return new MarkovSpec(vocab, order, zipf, newBranching, seed);
    }

    /** This spec with another seed. */
    public MarkovSpec withSeed(long newSeed) {
        return new MarkovSpec(vocab, order, zipf, branching, newSeed);
    }

    /** {@code vocab^order}, saturating at {@code Long.MAX_VALUE} once past {@code MAX_STATES}. */
    private static long stateCount(int vocab, int order) {
        long states = 1;
        for (int i = 0; i < order; i++) {
            states *= vocab;
            if (states > MAX_STATES) {
                return Long.MAX_VALUE;
            }
        }
        return states;
    }
}
