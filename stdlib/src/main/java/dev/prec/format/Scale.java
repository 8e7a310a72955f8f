package dev.prec.format;

/**
 * The pair of factors one group is quantized with: {@code x_hat = fromGrid * cast(x * toGrid)}.
 *
 * @param toGrid multiplier from values to grid units, {@code 1 / fromGrid}
 * @param fromGrid value of one grid unit (the scale {@code s})
 */
record Scale(float toGrid, float fromGrid) {

    /** No scaling. */
    static final Scale UNIT = new Scale(1f, 1f);

    /**
     * The scale whose grid unit is {@code fromGrid}; {@link #UNIT} when {@code fromGrid} is zero, not
     * finite, or so small that its reciprocal overflows (a tensor of zeros stays zeros).
     */
    static Scale of(float fromGrid) {
        float toGrid = 1f / fromGrid;
        if (!(fromGrid > 0) || Float.isInfinite(fromGrid) || Float.isInfinite(toGrid)) {
            return UNIT;
        }
        return new Scale(toGrid, fromGrid);
    }
}
