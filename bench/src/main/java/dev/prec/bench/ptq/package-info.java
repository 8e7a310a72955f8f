/** Seconds of post-training quantization of BENCHMARKS.md's configuration c. */
package dev.prec.bench.ptq;
