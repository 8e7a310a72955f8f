/**
 * Training-throughput harness (BENCHMARKS.md section 1): tokens per second of prec's trainer on the
 * benchmark configurations, run by {@code bench/train-vs-torch.sh} alternately with the PyTorch twin.
 */
package dev.prec.bench.train;
