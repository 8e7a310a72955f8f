package dev.prec.format;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The {@link TensorQuantizer} of a {@link QuantSpec}: finds the scales the spec's granularity (or
 * block format) asks for, then runs the scalar reference or the Vector API pass over fixed chunks of
 * rows, on one thread or on a pool. Chunk boundaries never depend on the thread count, and every
 * element's result depends only on its own value, its group's scale and its index, so the output is
 * the same bits for any number of threads.
 */
final class FakeQuantizer implements TensorQuantizer {

    /** Rows per parallel task are chosen so a task covers about this many elements. */
    private static final int CHUNK_ELEMENTS = 1 << 15;
    /** OCP fp8_e4m3's largest value, the range NVFP4's per-tensor scale maps block scales into. */
    private static final float E4M3_MAX = 448f;

    private final QuantSpec spec;
    /** Whether the Vector API pass runs (else the scalar reference). */
    private final boolean vector;
    /** The pool of a multi-threaded quantizer, or null for one thread. */
    private final ForkJoinPool pool;
    /** The element grid, or null for the identity. */
    private final Grid grid;
    /** fp8_e4m3's grid for NVFP4 block scales, else null. */
    private final Grid scaleGrid;

    /**
     * @param spec what to quantize to
     * @param vector whether to use the Vector API pass
     * @param threads worker threads, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1} or {@code vector} without the Vector API
     */
    FakeQuantizer(QuantSpec spec, boolean vector, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (vector && !KernelChoice.enabled()) {
            throw new IllegalArgumentException("the Vector API kernels are not available");
        }
        this.spec = spec;
        this.vector = vector;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        this.grid = switch (spec.format()) {
            case ElementFormat f -> new Grid(f);
            case BlockFormat b -> new Grid(b.element());
            case Fp32Format f -> null;
        };
        this.scaleGrid = spec.format() instanceof BlockFormat b && b.scale() == BlockFormat.BlockScale.E4M3
                ? new Grid(Formats.FP8_E4M3) : null;
    }

    @Override
    public boolean isIdentity() {
        return grid == null;
    }

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int rows, int cols, RoundingKey key) {
        int n = checkedSize(rows, cols);
        checkRange(src, srcOffset, n);
        checkRange(dst, dstOffset, n);
        if (grid == null) {
            System.arraycopy(src, srcOffset, dst, dstOffset, n);
            return;
        }
        if (n == 0) {
            return;
        }
        StochasticBits noise = spec.rounding() == Rounding.STOCHASTIC ? StochasticBits.of(key) : null;
        Pass.Operands operands = new Pass.Operands(src, srcOffset, dst, dstOffset);
        Pass.Plan plan = plan(operands, new Shape(rows, cols), noise);
        int chunkRows = Math.max(1, CHUNK_ELEMENTS / cols);
        if (pool == null || rows <= chunkRows) {
            newPass(operands, plan).run(new Pass.Rows(0, rows));
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        for (int first = 0; first < rows; first += chunkRows) {
            Pass.Rows chunk = new Pass.Rows(first, Math.min(chunkRows, rows - first));
            tasks.add(pool.submit(() -> newPass(operands, plan).run(chunk)));
        }
        for (ForkJoinTask<?> task : tasks) {
            task.join(); // rethrows a task's failure
        }
    }

    @Override
    public void straightThrough(float[] input, float[] grad, int offset, int rows, int cols) {
        int n = checkedSize(rows, cols);
        checkRange(input, offset, n);
        checkRange(grad, offset, n);
        if (!spec.clipGradient() || grid == null || n == 0) {
            return;
        }
        Pass.Operands operands = new Pass.Operands(input, offset, grad, offset);
        Pass.Plan plan = plan(operands, new Shape(rows, cols), null);
        Pass scalar = new ScalarPass(operands, plan);
        boolean perGroup = plan.rule().perGroup();
        for (int r = 0; r < rows; r++) {
            for (int start = r * cols; start < (r + 1) * cols; start += plan.span()) {
                float toGrid = 1f / plan.rule().unitFor(perGroup ? scalar.absmax(start) : 0f);
                for (int i = offset + start; i < offset + start + scalar.lengthAt(start); i++) {
                    float y = input[i] * toGrid;
                    // Zero where the forward pass saturated (or saw no number): the clipped STE.
                    if (!(y <= grid.max && -y <= grid.negativeLimit)) {
                        grad[i] = 0f;
                    }
                }
            }
        }
    }

    /** The scale rule and span of one call; per-tensor statistics are computed here, before any writes. */
    private Pass.Plan plan(Pass.Operands operands, Shape shape, StochasticBits noise) {
        int cols = shape.cols();
        return switch (spec.format()) {
            case ElementFormat f -> {
                Granularity g = spec.granularity();
                ScaleRule rule = switch (g.kind()) {
                    case NONE -> new ScaleRule.Fixed(1f);
                    case TENSOR -> new ScaleRule.Fixed(ScaleRule.checkedUnit(tensorAbsmax(operands, shape) / grid.max));
                    case CHANNEL, TOKEN, GROUP -> new ScaleRule.Absmax(grid.max);
                };
                yield new Pass.Plan(grid, cols, rule, g.spanWithin(cols), noise);
            }
            case BlockFormat b -> {
                ScaleRule rule = switch (b.scale()) {
                    case E8M0 -> {
                        int elementExponent = b.element() instanceof IntFormat i ? -(i.bits() - 2) : 0;
                        int emax = Math.getExponent(grid.max) + elementExponent;
                        yield new ScaleRule.PowerOfTwo(emax, elementExponent);
                    }
                    case E4M3 -> {
                        float tensorScale = tensorAbsmax(operands, shape) / (E4M3_MAX * grid.max);
                        yield new ScaleRule.TwoLevel(tensorScale > 0 && Float.isFinite(tensorScale) ? tensorScale : 1f,
                                grid.max, scaleGrid);
                    }
                };
                yield new Pass.Plan(grid, cols, rule, b.blockSize(), noise);
            }
            case Fp32Format f -> throw new IllegalStateException("fp32 is the identity and has no plan");
        };
    }

    /** Absmax of the finite elements of the whole source matrix. */
    private float tensorAbsmax(Pass.Operands operands, Shape shape) {
        // The whole matrix as one row holding one group.
        Pass.Plan whole = new Pass.Plan(grid, shape.size(), new ScaleRule.Fixed(1f), shape.size(), null);
        return newPass(operands, whole).absmax(0);
    }

    /**
     * Rows and columns of a call's matrix.
     *
     * @param rows {@code >= 1}
     * @param cols {@code >= 1}
     */
    private record Shape(int rows, int cols) {
        int size() {
            return rows * cols;
        }
    }

    private Pass newPass(Pass.Operands operands, Pass.Plan plan) {
        return vector ? new VectorPass(operands, plan) : new ScalarPass(operands, plan);
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, got " + rows + " x " + cols);
        }
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matrix of " + rows + " x " + cols + " elements is too large");
        }
        return (int) n;
    }

    private static void checkRange(float[] array, int offset, int n) {
        if (offset < 0 || (long) offset + n > array.length) {
            throw new IndexOutOfBoundsException("elements [" + offset + ", " + ((long) offset + n)
                    + ") are outside an array of " + array.length);
        }
    }
}
