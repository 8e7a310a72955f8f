package dev.prec.data;

/**
 * The checks and index arithmetic of the batch layout every source shares (see
 * {@link Dataset}): sequence {@code b} of a batch occupies
 * {@code out[b * (context + 1) .. (b + 1) * (context + 1))}, and batch {@code i} of size
 * {@code batch} holds the sequences numbered {@code i * batch .. i * batch + batch - 1} of its
 * split's fixed sequence stream, so the stream of sequences does not depend on the batch size.
 */
final class BatchLayout {

    private BatchLayout() {}

    /**
     * Checks a batch request against the contract.
     *
     * @throws IllegalArgumentException if {@code index < 0}, {@code batch < 1},
     *     {@code context < 1} or {@code out.length < batch * (context + 1)}
     */
    static void check(long index, int batch, int context, int[] out) {
        if (index < 0) {
            throw new IllegalArgumentException("batch index must be >= 0, got " + index);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1 sequence, got " + batch);
        }
        if (context < 1) {
            throw new IllegalArgumentException("context must be >= 1 token, got " + context);
        }
        long need = (long) batch * (context + 1);
        if (out.length < need) {
            throw new IllegalArgumentException("out has " + out.length + " slots, the batch needs"
                    + " batch * (context + 1) = " + need);
        }
    }

    /** Number of the first sequence of batch {@code index} in its split's sequence stream. */
    static long firstSequence(long index, int batch) {
        return Math.multiplyExact(index, (long) batch);
    }
}
