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
 *
 * <p>What engines receive and return, beyond each interface's javadoc:
 * <ul>
 *   <li>Sweep points are records with one field per axis: {@code model} a {@link
 *       dev.prec.lang.value.ModelValue} (its config fields are {@code transformer}'s parameters),
 *       {@code tokens} a number in tokens, {@code precision} a {@link dev.prec.lang.value.PrecisionValue}
 *       whose parts map to the formats library with {@link dev.prec.lang.value.QuantValue#toSpec()},
 *       {@code seed}, and any training option used as an axis.</li>
 *   <li>{@link dev.prec.lang.engine.DataSources#open} turns a data value into a {@link dev.prec.data.Dataset}.</li>
 *   <li>Run tables keep each run's config and put measurements in its results; {@code loss} is the
 *       validation loss in nats per token. Scripts read columns by name ({@code runs.loss}) and filter
 *       with {@code where}, so a law's variables must be column names.</li>
 *   <li>A law written in a script exposes its declaration through
 *       {@link dev.prec.lang.value.LawValue.Form#declaration()} for engines that compile laws.</li>
 *   <li>Options come as the record the script wrote, checked against
 *       {@link dev.prec.lang.builtin.ActionOptions}; an engine that adds an option adds it there.</li>
 *   <li>Refusals are {@link java.lang.IllegalArgumentException}s whose message the user sees at the
 *       action's position; engines call {@link dev.prec.lang.engine.ActionContext#checkCancelled()}
 *       between units of work and report progress through the context.</li>
 * </ul>
 */
package dev.prec.lang.engine;
