package dev.prec.model;

/**
 * Size of a row-major matrix an elementwise or row-wise layer works on: {@code rows} tokens (B*T)
 * of {@code width} channels each.
 *
 * @param rows number of rows, {@code rows >= 0}
 * @param width elements per row, {@code width >= 1}
 */
public record Rows(int rows, int width) {
    /** @throws IllegalArgumentException if {@code rows < 0 || width < 1} */
    public Rows {
        if (rows < 0 || width < 1) {
            throw new IllegalArgumentException("rows must be >= 0 and width >= 1, got " + rows + "x" + width);
        }
    }
}
