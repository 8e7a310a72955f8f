/**
 * Benchmarks of the tensor kernels: {@link dev.prec.bench.tensor.MatmulBench} (JMH, one product
 * form at a time), {@link dev.prec.bench.tensor.MatmulGflops} (runs it and prints GFLOP/s against
 * the nominal and the measured FMA peak) and {@link dev.prec.bench.tensor.MatmulAlternating} (the
 * three forms of a layer alternated, medians), with the FMA ceiling measured by {@code FmaPeak}.
 */
package dev.prec.bench.tensor;
