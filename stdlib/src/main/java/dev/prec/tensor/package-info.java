/**
 * Dense float kernels and the threads that run them: the matrix products of training
 * ({@link dev.prec.tensor.Matmul}, with the reference {@link dev.prec.tensor.ScalarMatmul} and the
 * fast {@link dev.prec.tensor.VectorMatmul}, picked by {@link dev.prec.tensor.Matmuls#best()}),
 * element-wise and reduction kernels ({@link dev.prec.tensor.FloatOps}: {@link dev.prec.tensor.ScalarOps}
 * beside {@link dev.prec.tensor.VectorOps}), and the {@link dev.prec.tensor.WorkPool} that runs fixed
 * chunks of a loop on whichever thread is free.
 *
 * <p>Layout: every matrix is a row-major {@code float[]} with an offset; shapes are given by
 * {@link dev.prec.tensor.MatmulShape} as (m rows, n columns, k reduction length).
 *
 * <p>Determinism: kernels fix the order of every reduction from the sizes alone (and the vector
 * width, chosen once per process by {@link dev.prec.tensor.Vectorization}), never from the thread
 * count, so a run is bit-identical on 1, 2 or more threads.
 */
package dev.prec.tensor;
