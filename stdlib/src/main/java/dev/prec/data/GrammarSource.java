package dev.prec.data;

import java.util.OptionalDouble;

/**
 * Token sequences from the sentence stream of a seeded random grammar ({@link Grammar}): nested,
 * recursive structure with dependencies across many tokens, and an exact entropy rate.
 *
 * <p>Sequence {@code n} of a split is generated from the counter-based stream keyed by
 * {@code (seed, split, n)}, starting at a position drawn exactly from the stationary law of the
 * sentence stream ({@link SentenceStream#stationary}): a window is a stationary stretch of the
 * stream, so no model's expected mean loss over a window's predictions is below the exact
 * {@link #entropyRate()}. Batching and the split tags are {@link SampledSource}'s. Generation
 * is lazy: a window never waits for a long sentence to finish.
 *
 * <p>Immutable and thread-safe: batches may be filled concurrently.
 */
public final class GrammarSource extends SampledSource {

    /** Version of the sampling procedure, part of the fingerprint. */
    private static final String VERSION = "grammar-v2";

    /** The grammar sentences are drawn from. */
    private final Grammar grammar;

    /**
     * A source for the given parameters.
     *
     * @param spec the grammar's parameters, validated by their record
     */
    public GrammarSource(GrammarSpec spec) {
        this.grammar = new Grammar(spec);
    }

    /** The grammar behind this source. */
    public Grammar grammar() {
        return grammar;
    }

    @Override
    public int vocabSize() {
        return grammar.spec().vocab();
    }

    @Override
    long seed() {
        return grammar.spec().seed();
    }

    /** Writes a stationary stretch of the sentence stream (see the class comment). */
    @Override
    void sampleSequence(CounterRng rng, int[] out, int offset, int length) {
        SentenceStream stream = SentenceStream.stationary(grammar, rng);
        for (int i = 0; i < length; i++) {
            out[offset + i] = stream.next();
        }
    }

    @Override
    public String fingerprint() {
        GrammarSpec s = grammar.spec();
        return new ContentHash().add(VERSION).add(s.vocab()).add(s.nonterminals()).add(s.rules())
                .add(Double.toString(s.zipf())).add(Double.toString(s.recursion())).add(s.seed())
                .finish("grammar");
    }

    /** The exact entropy rate of the sentence stream, nats per token (see {@link Grammar}). */
    @Override
    public OptionalDouble entropyRate() {
        return OptionalDouble.of(grammar.entropyRate());
    }

    @Override
    public String toString() {
        return "GrammarSource" + grammar.spec();
    }
}
