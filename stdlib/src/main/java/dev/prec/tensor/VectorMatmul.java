package dev.prec.tensor;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast {@link Matmul}: Vector API micro-kernels on panels of B, run in parallel over fixed
 * output tiles on a {@link WorkPool}.
 *
 * <p>Method (the classic blocking of Goto and van de Geijn, "Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3), 2008): B is first copied into panels of {@link #NR} columns
 * ({@code k} rows of {@code NR} contiguous floats, zero-padded at the right edge), so the innermost
 * loop reads it with unit stride whatever the layout of the product. A micro-kernel then keeps an
 * {@code MR x NR} block of the result (8 rows x 2 vectors = 16 accumulators) in registers and, for
 * each step {@code p} of the reduction, loads two vectors of the panel, broadcasts one element of
 * A per row and issues 16 fused multiply-adds: 10 loads per 16 FMAs, and 16 independent chains to
 * hide the FMA latency. The reduction is cut into blocks of {@link #KC} so a panel slice stays in
 * the L1 cache while it is reused by all rows of a tile.
 *
 * <p>Determinism: every element of the result is computed as one chain
 * {@code acc = accumulate ? out : 0; for p = 0..k-1: acc = fma(a(i,p), b(p,j), acc)}, whether it
 * sits in a full register tile or at an edge, and whichever thread computes its tile. The result
 * is therefore the same bits for any thread count; it differs from {@link ScalarMatmul} (which
 * rounds the product before adding, and adds {@code out} last) only by rounding.
 *
 * <p>{@code out} must not overlap {@code a} or {@code b}. Instances hold no mutable state (scratch
 * arrays are per thread), so one instance may be used from several threads at once; a product
 * started while its pool is busy runs on the calling thread.
 *
 * <p>Requires {@link Vectorization#enabled()}; use {@link Matmuls#best()} to get this class or the
 * scalar fallback.
 */
public final class VectorMatmul implements Matmul {

    private static final VectorSpecies<Float> F = Lanes.FLOAT;
    private static final int L = Lanes.LENGTH;
    /** Rows of the register tile. */
    static final int MR = RegisterTile.ROWS;
    /** Columns of the register tile and of a packed B panel. */
    static final int NR = RegisterTile.COLUMNS;
    /** Reduction block: a panel slice of KC x NR floats (32 KB with 16 lanes) stays in L1. */
    static final int KC = 256;
    /** Most row groups of MR rows in one parallel tile. */
    static final int TILE_GROUPS = 16;
    /** Most panels of NR columns in one parallel tile. */
    static final int TILE_PANELS = 4;
    /**
     * Tiles are split until a product has at least this many, so that whichever thread is free can
     * balance the load (the split depends on the sizes only, never on the thread count).
     */
    static final int MIN_TILES = 16;
    /** A column-major A whose m is a multiple of this (4 KB of floats) is copied with a padded stride. */
    static final int COPY_STRIDE = 1024;
    /** Zero floats padding each step of a copied column-major A: at least MR, and one cache line. */
    static final int PAD_A = 16;
    /** Steps of a column-major A copied per parallel chunk. */
    static final int COPY_ROWS = 64;
    /** Products smaller than this (in flops) run on the calling thread only: dispatch would cost more. */
    static final double SERIAL_FLOPS = 1.0e6;

    /** Per-thread buffers, grown on demand and reused, so the step loop allocates nothing large. */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** The pool to run tiles on, or null to use {@link WorkPool#shared()} at each call. */
    private final WorkPool pool;

    /** A matmul running on {@link WorkPool#shared()} (looked up at each call). */
    public VectorMatmul() {
        this.pool = null;
    }

    /**
     * A matmul running on the given pool.
     *
     * @param pool the threads to use
     */
    public VectorMatmul(WorkPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public void abT(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate) {
        multiply(new Product(out, outOff, s, accumulate),
                new Operand(a, aOff, s.k(), 1), new Operand(b, bOff, 1, s.k()));
    }

    @Override
    public void ab(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate) {
        multiply(new Product(out, outOff, s, accumulate),
                new Operand(a, aOff, s.k(), 1), new Operand(b, bOff, s.n(), 1));
    }

    @Override
    public void aTb(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate) {
        multiply(new Product(out, outOff, s, accumulate),
                new Operand(a, aOff, 1, s.m()), new Operand(b, bOff, s.n(), 1));
    }

    /**
     * A strided view of a matrix operand: element (r, c) is {@code data[offset + r*rowStride + c*colStride]}.
     * For A, r is the result row i and c the reduction index p; for B, r is p and c the result column j.
     */
    private record Operand(float[] data, int offset, int rowStride, int colStride) {
        Operand {
            Objects.requireNonNull(data, "operand");
        }

        float at(int r, int c) {
            return data[offset + r * rowStride + c * colStride];
        }
    }

    /** The destination of one product and how to write it. */
    private record Product(float[] out, int offset, MatmulShape shape, boolean accumulate) {
        Product {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(shape, "shape");
        }
    }

    private void multiply(Product p, Operand a, Operand b) {
        MatmulShape s = p.shape();
        int m = s.m();
        int n = s.n();
        int k = s.k();
        checkExtent("out", p.out(), p.offset(), (long) m * n);
        checkExtent("a", a.data(), a.offset(), (long) m * k);
        checkExtent("b", b.data(), b.offset(), (long) k * n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!p.accumulate()) {
                Arrays.fill(p.out(), p.offset(), p.offset() + m * n, 0f);
            }
            return;
        }
        int panels = ceilDiv(n, NR);
        long packedSize = (long) panels * NR * k;
        if (packedSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("matmul too large to pack: " + s);
        }
        Workspace caller = WORKSPACE.get();
        float[] packed = caller.packedB((int) packedSize);
        WorkPool threads = s.flops() < SERIAL_FLOPS ? null : (pool != null ? pool : WorkPool.shared());
        int groups = ceilDiv(m, MR);
        // A stored by columns (aTb) is read m floats apart per step; when that stride is a multiple of
        // 4 KB all its reads fall into one L1 set and miss, so copy A with a stride padded by PAD_A
        // floats (zero), which also gives the bottom edge zero rows to read. Smaller power-of-two
        // strides measured faster in place than copied (the copy costs memory bandwidth).
        boolean copyA = a.colStride() != 1 && m % COPY_STRIDE == 0;
        int lda = m + PAD_A;
        float[] copiedA = copyA ? caller.copiedA(k * lda) : null;
        int copyChunks = copyA ? ceilDiv(k, COPY_ROWS) : 0;
        run(threads, panels + copyChunks, chunk -> {
            if (chunk < panels) {
                packPanel(packed, b, chunk, n, k);
            } else {
                copyColumnMajorA(copiedA, a, (chunk - panels) * COPY_ROWS, s);
            }
        });
        Operand source = copyA ? new Operand(copiedA, 0, 1, lda) : a;
        Packing packing = new Packing(packed, copyA);

        int tileGroups = Math.min(groups, TILE_GROUPS);
        int tilePanels = Math.min(panels, TILE_PANELS);
        while (ceilDiv(groups, tileGroups) * ceilDiv(panels, tilePanels) < MIN_TILES
                && (tileGroups > 1 || tilePanels > 1)) {
            // halve the side that keeps tiles squarer (in floats), so a panel is reused by many rows
            if (tileGroups * MR >= tilePanels * NR && tileGroups > 1) {
                tileGroups = ceilDiv(tileGroups, 2);
            } else if (tilePanels > 1) {
                tilePanels = ceilDiv(tilePanels, 2);
            } else {
                tileGroups = ceilDiv(tileGroups, 2);
            }
        }
        Tiling tiling = new Tiling(groups, panels, tileGroups, tilePanels);
        run(threads, tiling.rowTiles() * ceilDiv(panels, tilePanels),
                tile -> computeTile(p, source, packing, tiling, tile));
    }

    /**
     * How a product's result is cut into parallel tiles: {@code groups} row groups of MR rows and
     * {@code panels} panels of NR columns, taken {@code tileGroups x tilePanels} at a time; tile t
     * covers row-tile {@code t mod rowTiles} and column-tile {@code t / rowTiles}. A tile's ranges
     * are derived from its index inside {@link #computeTile}, so running a tile allocates nothing
     * (a range record per tile escaped and was most of the matmul's garbage in a training step).
     */
    private record Tiling(int groups, int panels, int tileGroups, int tilePanels) {
        int rowTiles() {
            return ceilDiv(groups, tileGroups);
        }
    }

    /**
     * A rectangle of indices {@code [g0, g1) x [q0, q1)}: row groups and panels of one parallel tile,
     * or rows and reduction steps of a block of A.
     */
    private record TileRange(int g0, int g1, int q0, int q1) {
    }

    /**
     * The packed operands of one product: B's panels, and whether A is a padded copy (whose rows
     * beyond m read as zero, so the bottom edge needs no copy of its own).
     */
    private record Packing(float[] panelsB, boolean paddedA) {
    }

    /** A row-major block of floats: element (r, c) at {@code data[offset + r*stride + c]}. */
    private record Block(float[] data, int offset, int stride) {
    }

    /**
     * Copies {@code rows x cols} floats between row-major blocks (the right-edge scratch tile and the
     * result). Positional parameters rather than a record per block: this runs once per edge tile,
     * thousands of times per training step, and the records escaped into the allocation profile.
     */
    private static void copyRows(float[] from, int fromOff, int fromStride, float[] to, int toOff, int toStride,
            int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(from, fromOff + r * fromStride, to, toOff + r * toStride, cols);
        }
    }

    /**
     * Copies steps {@code [p0, p0 + COPY_ROWS)} of a column-major A (aTb: k steps of m floats) into
     * {@code copied} with stride {@code m + PAD_A}, zeroing the padding.
     */
    private static void copyColumnMajorA(float[] copied, Operand a, int p0, MatmulShape s) {
        int m = s.m();
        int lda = m + PAD_A;
        for (int p = p0; p < Math.min(s.k(), p0 + COPY_ROWS); p++) {
            System.arraycopy(a.data(), a.offset() + p * a.colStride(), copied, p * lda, m);
            Arrays.fill(copied, p * lda + m, p * lda + lda, 0f);
        }
    }

    /**
     * Copies rows {@code [g0, g1)} (fewer than MR) and reduction steps {@code [q0, q1)} of A into
     * {@code block} (stride MR: MR floats per step), rows beyond the edge zero, for
     * {@link RegisterTile#columnMajorA}.
     */
    private static void packTail(Block block, Operand a, TileRange r) {
        int steps = r.q1() - r.q0();
        float[] dst = block.data();
        Arrays.fill(dst, block.offset(), block.offset() + steps * MR, 0f);
        for (int i = r.g0(); i < r.g1(); i++) {
            for (int p = 0; p < steps; p++) {
                dst[block.offset() + p * MR + i - r.g0()] = a.at(i, r.q0() + p);
            }
        }
    }

    private static void run(WorkPool threads, int chunks, IntConsumer task) {
        if (threads == null) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
        } else {
            threads.forEachChunk(chunks, task);
        }
    }

    /** Copies columns {@code [q*NR, q*NR + NR)} of B, all k rows, into panel q; zero beyond column n. */
    private static void packPanel(float[] packed, Operand b, int q, int n, int k) {
        int j0 = q * NR;
        int cols = Math.min(NR, n - j0);
        int base = q * NR * k;
        if (b.colStride() == 1 && cols == NR) {
            for (int p = 0; p < k; p++) {
                int src = b.offset() + p * b.rowStride() + j0;
                int dst = base + p * NR;
                FloatVector.fromArray(F, b.data(), src).intoArray(packed, dst);
                FloatVector.fromArray(F, b.data(), src + L).intoArray(packed, dst + L);
            }
        } else if (b.colStride() == 1) {
            for (int p = 0; p < k; p++) {
                int dst = base + p * NR;
                System.arraycopy(b.data(), b.offset() + p * b.rowStride() + j0, packed, dst, cols);
                Arrays.fill(packed, dst + cols, dst + NR, 0f);
            }
        } else {
            // B stored transposed (abT): read each of its rows contiguously, write one panel column
            for (int c = 0; c < cols; c++) {
                int src = b.offset() + (j0 + c) * b.colStride();
                for (int p = 0; p < k; p++) {
                    packed[base + p * NR + c] = b.data()[src + p];
                }
            }
            for (int p = 0; p < k; p++) {
                Arrays.fill(packed, base + p * NR + cols, base + p * NR + NR, 0f);
            }
        }
    }

    /** Computes parallel tile {@code tile} of the result, reduction block by reduction block. */
    private static void computeTile(Product prod, Operand a, Packing packing, Tiling tiling, int tile) {
        int g0 = (tile % tiling.rowTiles()) * tiling.tileGroups();
        int g1 = Math.min(tiling.groups(), g0 + tiling.tileGroups());
        int q0 = (tile / tiling.rowTiles()) * tiling.tilePanels();
        int q1 = Math.min(tiling.panels(), q0 + tiling.tilePanels());
        MatmulShape s = prod.shape();
        float[] packed = packing.panelsB();
        boolean rowMajorA = a.colStride() == 1;
        int m = s.m();
        int n = s.n();
        int k = s.k();
        Workspace local = WORKSPACE.get();
        float[] out = prod.out();
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean load = prod.accumulate() || p0 > 0;
            for (int q = q0; q < q1; q++) {
                int j0 = q * NR;
                int cols = Math.min(NR, n - j0);
                int bBase = q * NR * k + p0 * NR;
                for (int g = g0; g < g1; g++) {
                    int i0 = g * MR;
                    int rows = Math.min(MR, m - i0);
                    float[] c = out;
                    int cBase = prod.offset() + i0 * n + j0;
                    int ldc = n;
                    if (cols < NR) {
                        // right edge: work on a full-width scratch tile, copy the valid columns back
                        c = local.edge();
                        if (load) {
                            copyRows(out, cBase, n, c, 0, NR, rows, cols);
                        }
                        cBase = 0;
                        ldc = NR;
                    }
                    if (rows == MR && rowMajorA) {
                        RegisterTile.rowMajorA(a.data(), a.offset() + i0 * a.rowStride() + p0, a.rowStride(),
                                packed, bBase, kc, c, cBase, ldc, load);
                    } else if (!rowMajorA && (rows == MR || packing.paddedA())) {
                        RegisterTile.columnMajorA(a.data(), a.offset() + p0 * a.colStride() + i0, a.colStride(),
                                packed, bBase, kc, c, cBase, ldc, rows, load);
                    } else {
                        // bottom edge: copy the rows into a zero-padded MR-wide block (column-major)
                        float[] block = local.tailA();
                        packTail(new Block(block, 0, MR), a, new TileRange(i0, i0 + rows, p0, p0 + kc));
                        RegisterTile.columnMajorA(block, 0, MR, packed, bBase, kc, c, cBase, ldc, rows, load);
                    }
                    if (cols < NR) {
                        copyRows(c, 0, NR, out, prod.offset() + i0 * n + j0, n, rows, cols);
                    }
                }
            }
        }
    }


    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static void checkExtent(String name, float[] array, int offset, long extent) {
        if (offset < 0 || offset + extent > array.length) {
            throw new IndexOutOfBoundsException(name + " needs " + extent + " floats from offset " + offset
                    + " but has length " + array.length);
        }
    }
}
