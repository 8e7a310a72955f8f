/**
 * Sweeps on Apache Spark. {@link dev.prec.cluster.SparkExecutor} is a
 * {@link dev.prec.sweep.SweepExecutor}: each pending run becomes one Spark job of one task, the task
 * trains the run on an executor and ships back its outcome and checkpoint bytes, and the driver
 * writes each outcome into the run store as it arrives. {@link dev.prec.cluster.SparkExecutorProvider}
 * makes it reachable by the name {@code spark} through {@link dev.prec.sweep.SweepExecutorProvider}.
 * This is the only package that depends on Spark.
 */
package dev.prec.cluster;
