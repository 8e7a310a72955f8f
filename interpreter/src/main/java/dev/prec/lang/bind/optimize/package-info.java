/**
 * The language's {@code optimize} action bound to the solvers of {@code dev.prec.optimize}:
 * {@link dev.prec.lang.bind.optimize.ComputeOptimalEngine} implements
 * {@link dev.prec.lang.engine.OptimizeEngine} and is registered with {@link java.util.ServiceLoader}.
 */
package dev.prec.lang.bind.optimize;
