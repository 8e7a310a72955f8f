package dev.prec.tensor;

/**
 * Sizes of one matrix product, named as in a linear layer: {@code m} rows of the result (tokens,
 * B*T), {@code n} columns of the result, {@code k} the reduction length.
 *
 * @param m rows of the result, {@code m >= 0}
 * @param n columns of the result, {@code n >= 0}
 * @param k length of the reduction, {@code k >= 0}
 */
public record MatmulShape(int m, int n, int k) {
    public MatmulShape {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("matmul sizes must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
    }

    /** Floating-point operations of the product, 2*m*n*k. */
    public double flops() {
        return 2.0 * m * n * k;
    }
}
