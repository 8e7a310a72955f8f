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

    /** Quantizes every row of {@code rows} (row indices, end exclusive). */
    final void run(Span rows) {
        int cols = plan.cols();
        ScaleRule rule = plan.rule();
        Scale fixed = rule.perGroup() ? null : rule.scaleFor(0f);
        for (int r = rows.start(); r < rows.start() + rows.length(); r++) {
            for (int c = 0; c < cols; c += plan.span()) {
                Span group = new Span(r * cols + c, Math.min(plan.span(), cols - c));
                cast(group, fixed != null ? fixed : rule.scaleFor(absmax(group)));
            }
        }
    }

    /** Largest magnitude among the finite source elements of {@code span} (0 if none). */
    abstract float absmax(Span span);

    /** Writes {@code fromGrid * round(x * toGrid)} for every source element of {@code span}. */
    abstract void cast(Span span, Scale scale);
}
