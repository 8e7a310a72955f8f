package dev.prec.tensor;

/**
 * Scratch arrays of one thread for {@link VectorMatmul}, kept between calls so the training step
 * loop does not allocate: the packed B panels (and padded copies of A) of the products this thread starts, and the edge
 * blocks of the tiles it computes.
 */
final class Workspace {

    /** Packed panels of B; grows to the largest product seen, never shrinks. */
    private float[] packedB = new float[0];
    /** Padded copy of a column-major A; grows to the largest product seen, never shrinks. */
    private float[] copiedA = new float[0];
    /** Zero-padded rows of A at the bottom edge: KC steps of MR floats. */
    private final float[] tailA = new float[VectorMatmul.KC * VectorMatmul.MR];
    /** A full-width register tile at the right edge: MR rows of NR floats. */
    private final float[] edge = new float[VectorMatmul.MR * VectorMatmul.NR];

    /**
     * The packed-B buffer, at least {@code size} floats; contents are unspecified.
     *
     * @param size floats needed, {@code >= 0}
     * @return a buffer of length {@code >= size}
     */
    float[] packedB(int size) {
        if (packedB.length < size) {
            packedB = new float[size];
        }
        return packedB;
    }

    /**
     * The buffer for a padded copy of A, at least {@code size} floats; contents are unspecified.
     *
     * @param size floats needed, {@code >= 0}
     * @return a buffer of length {@code >= size}
     */
    float[] copiedA(int size) {
        if (copiedA.length < size) {
            copiedA = new float[size];
        }
        return copiedA;
    }

    /** The bottom-edge block of A, {@code KC * MR} floats. */
    float[] tailA() {
        return tailA;
    }

    /** The right-edge tile, {@code MR * NR} floats. */
    float[] edge() {
        return edge;
    }
}
