/**
 * The narrow interfaces through which the evaluator reaches the science: one per engine
 * ({@link dev.prec.lang.engine.TrainEngine}, {@link dev.prec.lang.engine.QuantizeEngine},
 * {@link dev.prec.lang.engine.FitEngine}, {@link dev.prec.lang.engine.LawCatalog},
 * {@link dev.prec.lang.engine.OptimizeEngine}, {@link dev.prec.lang.engine.PlotEngine}).
 *
 * <p>An issue that brings an engine implements its interface and registers it with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.prec.lang.engine.TrainEngine}, ...);
 * {@link dev.prec.lang.engine.Engines#installed()} finds it. Until then the checker still accepts the
 * action and the evaluator reports which {@link dev.prec.lang.engine.Capability} is missing.
 */
package dev.prec.lang.engine;
