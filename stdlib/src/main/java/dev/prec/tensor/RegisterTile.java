package dev.prec.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorMatmul}: {@code c[ROWS x COLUMNS] (+)= a[ROWS x kc] * panel[kc x COLUMNS]},
 * where the panel is {@code kc} steps of COLUMNS contiguous floats (B packed) and each element of
 * {@code c} is one fma chain over the steps in order, started from {@code c} when {@code load}
 * is true and from zero otherwise.
 *
 * <p>Written out by hand (16 named accumulators) because the JIT keeps only named locals, not
 * arrays of vectors, in registers.
 */
final class RegisterTile {

    private static final VectorSpecies<Float> F = Lanes.FLOAT;
    private static final int L = Lanes.LENGTH;
    /** Rows of the register tile. */
    static final int ROWS = 8;
    /** Columns of the register tile: two vectors. */
    static final int COLUMNS = 2 * L;
    private static final int NR = COLUMNS;

    private RegisterTile() {
    }
    /**
     * The register tile for A stored by rows (abT, ab): {@code c[MR x NR] (+)= a[MR x kc] * panel[kc x NR]}
     * with A's row r, step p at {@code a[aBase + r*lda + p]}. Every row index advances with unit
     * stride, so the JIT drops the bounds checks. 8 rows x 2 vectors: 16 accumulators, 10 loads
     * per 16 FMAs; measured on Zen 5 within 7% of a loads-free FMA loop, where 6 rows reached 89%
     * and 16 rows ran out of registers. Parameters are positional for speed; the caller is
     * {@code VectorMatmul.computeTile}.
     */
    static void rowMajorA(float[] a, int aBase, int lda, float[] b, int bBase, int kc,
            float[] c, int cBase, int ldc, boolean load) {
        int a1 = aBase + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
        int c0 = cBase;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        FloatVector s00 = init(c, c0, load);
        FloatVector s01 = init(c, c0 + L, load);
        FloatVector s10 = init(c, c1, load);
        FloatVector s11 = init(c, c1 + L, load);
        FloatVector s20 = init(c, c2, load);
        FloatVector s21 = init(c, c2 + L, load);
        FloatVector s30 = init(c, c3, load);
        FloatVector s31 = init(c, c3 + L, load);
        FloatVector s40 = init(c, c4, load);
        FloatVector s41 = init(c, c4 + L, load);
        FloatVector s50 = init(c, c5, load);
        FloatVector s51 = init(c, c5 + L, load);
        FloatVector s60 = init(c, c6, load);
        FloatVector s61 = init(c, c6 + L, load);
        FloatVector s70 = init(c, c7, load);
        FloatVector s71 = init(c, c7 + L, load);
        for (int p = 0; p < kc; p++) {
            int bi = bBase + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x = FloatVector.broadcast(F, a[aBase + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(F, a[a1 + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(F, a[a2 + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(F, a[a3 + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = FloatVector.broadcast(F, a[a4 + p]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = FloatVector.broadcast(F, a[a5 + p]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            x = FloatVector.broadcast(F, a[a6 + p]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            x = FloatVector.broadcast(F, a[a7 + p]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
        s40.intoArray(c, c4);
        s41.intoArray(c, c4 + L);
        s50.intoArray(c, c5);
        s51.intoArray(c, c5 + L);
        s60.intoArray(c, c6);
        s61.intoArray(c, c6 + L);
        s70.intoArray(c, c7);
        s71.intoArray(c, c7 + L);
    }

    /**
     * The register tile for A stored by columns (aTb, and the zero-padded bottom edge): row r, step p
     * at {@code a[aBase + p*lda + r]}, MR contiguous floats per step. Only the first {@code rows}
     * rows of {@code c} are read and written. Parameters are positional for speed; the caller is
     * {@code VectorMatmul.computeTile}.
     */
    static void columnMajorA(float[] a, int aBase, int lda, float[] b, int bBase, int kc,
            float[] c, int cBase, int ldc, int rows, boolean load) {
        int c0 = cBase;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        FloatVector s00 = init(c, c0, load);
        FloatVector s01 = init(c, c0 + L, load);
        FloatVector s10 = init(c, c1, load && 1 < rows);
        FloatVector s11 = init(c, c1 + L, load && 1 < rows);
        FloatVector s20 = init(c, c2, load && 2 < rows);
        FloatVector s21 = init(c, c2 + L, load && 2 < rows);
        FloatVector s30 = init(c, c3, load && 3 < rows);
        FloatVector s31 = init(c, c3 + L, load && 3 < rows);
        FloatVector s40 = init(c, c4, load && 4 < rows);
        FloatVector s41 = init(c, c4 + L, load && 4 < rows);
        FloatVector s50 = init(c, c5, load && 5 < rows);
        FloatVector s51 = init(c, c5 + L, load && 5 < rows);
        FloatVector s60 = init(c, c6, load && 6 < rows);
        FloatVector s61 = init(c, c6 + L, load && 6 < rows);
        FloatVector s70 = init(c, c7, load && 7 < rows);
        FloatVector s71 = init(c, c7 + L, load && 7 < rows);
        for (int p = 0; p < kc; p++) {
            int bi = bBase + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            int ai = aBase + p * lda;
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(F, a[ai + 1]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(F, a[ai + 2]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(F, a[ai + 3]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = FloatVector.broadcast(F, a[ai + 4]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = FloatVector.broadcast(F, a[ai + 5]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            x = FloatVector.broadcast(F, a[ai + 6]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            x = FloatVector.broadcast(F, a[ai + 7]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        if (1 < rows) {
            s10.intoArray(c, c1);
            s11.intoArray(c, c1 + L);
        }
        if (2 < rows) {
            s20.intoArray(c, c2);
            s21.intoArray(c, c2 + L);
        }
        if (3 < rows) {
            s30.intoArray(c, c3);
            s31.intoArray(c, c3 + L);
        }
        if (4 < rows) {
            s40.intoArray(c, c4);
            s41.intoArray(c, c4 + L);
        }
        if (5 < rows) {
            s50.intoArray(c, c5);
            s51.intoArray(c, c5 + L);
        }
        if (6 < rows) {
            s60.intoArray(c, c6);
            s61.intoArray(c, c6 + L);
        }
        if (7 < rows) {
            s70.intoArray(c, c7);
            s71.intoArray(c, c7 + L);
        }
    }

    private static FloatVector init(float[] c, int index, boolean load) {
        return load ? FloatVector.fromArray(F, c, index) : FloatVector.zero(F);
    }

}
