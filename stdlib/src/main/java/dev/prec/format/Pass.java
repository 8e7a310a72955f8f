package dev.prec.format;

/**
 * One fake-quantization call over a row-major (rows, cols) matrix: walks the rows of a range, splits
 * each row into spans that share a scale, asks the {@link ScaleRule} for each span's scale and casts
 * the span. Subclasses provide the two kernels, absmax and cast: {@link ScalarPass} is the reference,
 * {@link VectorPass} the Vector API path.
 */
abstract class Pass {

    /** Source values; element (0, 0) at {@code srcBase}. */
    final float[] src;
    final int srcBase;
    /** Destination; element (0, 0) at {@code dstBase}. */
    final float[] dst;
    final int dstBase;
    /** The element grid and the rest of the call's configuration. */
    final Plan plan;

    /**
     * What a pass needs beyond its arrays.
     *
     * @param grid the element grid
     * @param cols row length, {@code >= 1}
     * @param rule how each span's scale is found
     * @param span elements sharing a scale within a row ({@code cols} unless groups), {@code >= 1}
     * @param noise stochastic-rounding bits, or null for round-to-nearest-even
     */
    record Plan(Grid grid, int cols, ScaleRule rule, int span, StochasticBits noise) {
    }

    Pass(Operands operands, Plan plan) {
        this.src = operands.src();
        this.srcBase = operands.srcOffset();
        this.dst = operands.dst();
        this.dstBase = operands.dstOffset();
        this.plan = plan;
    }

    /**
     * The arrays of one call.
     *
     * @param src source, element (0, 0) at {@code srcOffset}
     * @param dst destination, element (0, 0) at {@code dstOffset}
     */
    record Operands(float[] src, int srcOffset, float[] dst, int dstOffset) {
    }

    /**
     * A range of rows.
     *
     * @param first index of the first row, {@code >= 0}
     * @param count number of rows, {@code >= 0}
     */
    record Rows(int first, int count) {
    }

    /** Quantizes every row of {@code rows}. */
    final void run(Rows rows) {
        int cols = plan.cols();
        ScaleRule rule = plan.rule();
        boolean perGroup = rule.perGroup();
        float fixed = rule.unitFor(0f);
        for (int r = rows.first(); r < rows.first() + rows.count(); r++) {
            for (int start = r * cols; start < (r + 1) * cols; start += plan.span()) {
                cast(start, perGroup ? rule.unitFor(absmax(start)) : fixed);
            }
        }
    }

    /**
     * Elements in the group that starts at element {@code start}: the span, or what is left of the
     * row. Groups start at multiples of the span within a row, so the start alone identifies one
     * (passing only the start also keeps the per-group calls free of allocation).
     */
    final int lengthAt(int start) {
        return Math.min(plan.span(), plan.cols() - start % plan.cols());
    }

    /** Largest magnitude among the finite source elements of the group at {@code start} (0 if none). */
    abstract float absmax(int start);

    /**
     * Writes {@code unit * round(x * (1 / unit))} for every source element of the group at {@code start}.
     *
     * @param unit the group's grid unit from {@link ScaleRule#unitFor}
     */
    abstract void cast(int start, float unit);
}
