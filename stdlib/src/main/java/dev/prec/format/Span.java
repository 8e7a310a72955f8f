package dev.prec.format;

/**
 * A run of consecutive elements of the matrix being quantized.
 *
 * @param start index of the first element relative to the matrix's element (0, 0), which is also
 *     the element index stochastic rounding draws with
 * @param length number of elements, {@code >= 0}
 */
record Span(int start, int length) {
}
