package dev.prec.data;

/**
 * The batching every seeded synthetic source shares: sequence {@code n} of a split is one draw from
 * the counter-based random stream keyed by {@code (seed, split, n)} ({@link CounterRng}), written
 * where {@link BatchLayout} puts it. A sequence therefore depends on nothing but its seed, split
 * and number: not on the batch size, the other sequences or the call order. Train and validation
 * use the split tags {@link Streams#TRAIN} and {@link Streams#VALIDATION}, hence independent draws.
 *
 * <p>A subclass says only how to draw one sequence from its stream; it must be immutable and
 * thread-safe, so batches may be filled concurrently.
 */
abstract sealed class SampledSource implements Dataset permits GrammarSource, MarkovSource {

    /** The seed that, with the split and sequence number, keys every sequence's random stream. */
    abstract long seed();

    /**
     * Writes one sequence of {@code length} tokens drawn from {@code rng} to {@code out[offset ..]}.
     *
     * @param rng the sequence's own random stream, fresh
     * @param out destination, with at least {@code offset + length} slots
     * @param offset first slot written, {@code >= 0}
     * @param length tokens to write, {@code >= 2}
     */
    abstract void sampleSequence(CounterRng rng, int[] out, int offset, int length);

    @Override
    public final void trainBatch(long step, int batch, int context, int[] out) {
        fill(Streams.TRAIN, step, new BatchRequest(batch, context, out));
    }

    @Override
    public final void validationBatch(int index, int batch, int context, int[] out) {
        fill(Streams.VALIDATION, index, new BatchRequest(batch, context, out));
    }

    /** The size and destination of one batch. */
    private record BatchRequest(int batch, int context, int[] out) {
    }

    private void fill(long split, long index, BatchRequest r) {
        BatchLayout.check(index, r.batch(), r.context(), r.out());
        long first = BatchLayout.firstSequence(index, r.batch());
        int length = r.context() + 1;
        for (int b = 0; b < r.batch(); b++) {
            long key = CounterRng.key(seed(), split, first + b);
            sampleSequence(new CounterRng(key), r.out(), b * length, length);
        }
    }
}
