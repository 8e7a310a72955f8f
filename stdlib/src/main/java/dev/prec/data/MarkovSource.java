package dev.prec.data;

import java.util.OptionalDouble;

/**
 * Token sequences sampled from a Zipf-weighted Markov chain ({@link MarkovChain}), with its exact
 * entropy rate as the loss floor.
 *
 * <p>Every sequence is a stretch of the stationary chain: its first {@code order} tokens are a
 * state drawn from the stationary distribution and the rest follow the transitions, so every
 * position has the same law and no burn-in bias exists. Sequence {@code n} of a split is drawn
 * from the counter-based stream keyed by {@code (seed, split, n)}: it does not depend on any other
 * sequence, the batch size, or the call order. Train and validation use different split tags,
 * hence independent draws (they are disjoint as draws, though a low-entropy chain can produce the
 * same token string in both, as any two samples can coincide).
 *
 * <p>Loss floor of a window: with order 1 every predicted token has its full history, so the best
 * possible mean loss over a window is exactly the entropy rate. With order k > 1 the first k - 1
 * predictions of a window see only part of their history, so the best window loss exceeds the
 * rate by at most {@code (k - 1) log(vocab) / context} nats per token.
 *
 * <p>Immutable and thread-safe: batches may be filled concurrently.
 */
public final class MarkovSource extends SampledSource {

    /** Version of the sampling procedure, part of the fingerprint. */
    private static final String VERSION = "markov-v1";

    /** The chain sequences are sampled from. */
    private final MarkovChain chain;

    /**
     * A source for the given parameters; the stationary distribution is computed when the first
     * batch or the entropy rate is asked for.
     *
     * @param spec the source parameters, validated by their record
     */
    public MarkovSource(MarkovSpec spec) {
        this.chain = new MarkovChain(spec);
    }

    /** The chain behind this source, for its probabilities and stationary distribution. */
    public MarkovChain chain() {
        return chain;
    }

    @Override
    public int vocabSize() {
        return chain.spec().vocab();
    }

    @Override
    long seed() {
        return chain.spec().seed();
    }

    /**
     * Writes {@code length} tokens of the stationary chain to {@code out[offset ..]}.
     *
     * @param rng the sequence's own random stream
     */
    @Override
    void sampleSequence(CounterRng rng, int[] out, int offset, int length) {
        int state = chain.sampleStationary(rng.nextDouble());
        int[] history = chain.tokensOf(state);
        int head = Math.min(history.length, length);
        System.arraycopy(history, 0, out, offset, head);
        for (int i = head; i < length; i++) {
            int token = chain.sampleNext(state, rng.nextDouble());
            out[offset + i] = token;
            state = chain.nextState(state, token);
        }
    }

    @Override
    public String fingerprint() {
        MarkovSpec s = chain.spec();
        return new ContentHash().add(VERSION).add(s.vocab()).add(s.order())
                .add(Double.toString(s.zipf())).add(s.branching()).add(s.seed()).finish("markov");
    }

    /** The exact entropy rate of the chain, in nats per token (see {@link MarkovChain}). */
    @Override
    public OptionalDouble entropyRate() {
        return OptionalDouble.of(chain.entropyRate());
    }

    @Override
    public String toString() {
        return "MarkovSource" + chain.spec();
    }
}
