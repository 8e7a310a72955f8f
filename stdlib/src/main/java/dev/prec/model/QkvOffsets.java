package dev.prec.model;

/**
 * Where the query, key and value matrices, each (B*T, C) row-major, start inside one float array.
 *
 * @param q offset of the queries, {@code >= 0}
 * @param k offset of the keys, {@code >= 0}
 * @param v offset of the values, {@code >= 0}
 */
public record QkvOffsets(int q, int k, int v) {
    /** @throws IllegalArgumentException if an offset is negative */
    public QkvOffsets {
        if (q < 0 || k < 0 || v < 0) {
            throw new IllegalArgumentException("offsets must be >= 0, got " + q + ", " + k + ", " + v);
        }
    }
}
