package dev.prec.lang.bind.optimize;

import dev.prec.law.Law;
import dev.prec.lang.bind.fit.LawCompiler;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.value.BootstrapSamples;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import dev.prec.optimize.LossSurface;
import dev.prec.optimize.Optimum;
import dev.prec.optimize.Solver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Intervals of an optimum whose law came from a bootstrapped fit: the same problem is solved once per
 * bootstrap sample the fit kept, and the intervals are percentile intervals over the solutions (the
 * procedure of {@link dev.prec.optimize.OptimumIntervals}, on the fit's own resamples instead of
 * refitting them again). A sample whose law has no feasible optimum is left out and counted.
 *
 * <p>The sample laws are compiled to the fitter's expression tree ({@link LawCompiler}), which every
 * bootstrapped law already went through, so each solve evaluates compiled expressions; samples are
 * solved in parallel, each into its own slot, so the intervals do not depend on the thread count.
 */
final class BootstrapOptima {
    private BootstrapOptima() {
    }

    /**
     * @param fit the fit the law came from
     * @param options the problem's options, as for the point estimate
     * @param problem solves the problem for one solver (joint, P fixed, ...)
     * @param context checked for cancellation between samples
     * @return the {@code intervals} field: {@code params}, {@code tokens}, {@code bits}, {@code loss} and
     *     {@code tokens_per_param} as {@code {lower, upper}} records (units as on the optimum), then
     *     {@code level}, {@code samples} (solved) and {@code infeasible}; empty when the fit was not
     *     bootstrapped or fewer than 2 samples solve
     */
    static Optional<RecordValue> of(FitResult fit, OptimizeOptions options, Function<Solver, Optimum> problem,
                                    ActionContext context) {
        if (fit.bootstrap().isEmpty()) {
            return Optional.empty();
        }
        BootstrapSamples boot = fit.bootstrap().get();
        Law law = LawCompiler.compile(fit.law());
        Map<String, Double> base = fit.law().values();
        Optimum[] solutions = new Optimum[boot.samples().size()];
        IntStream.range(0, solutions.length).parallel().forEach(i -> {
            context.checkCancelled();
            Map<String, Double> values = new LinkedHashMap<>(base);
            values.putAll(boot.samples().get(i));
            try {
                LossSurface surface = LossSurface.of(law.at(values), options.binding());
                solutions[i] = problem.apply(new Solver(surface, options.cost(), options.space()));
            } catch (IllegalArgumentException infeasible) {
                // no configuration spends the budget inside this sample's domain: left out, counted below
                solutions[i] = null;
            }
        });
        int solved = (int) java.util.Arrays.stream(solutions).filter(java.util.Objects::nonNull).count();
        if (solved < 2) {
            return Optional.empty();
        }
        Map<String, Value> m = new LinkedHashMap<>();
        put(m, "params", Unit.PARAMS, solutions, o -> o.point().params(), boot.level());
        put(m, "tokens", Unit.TOKENS, solutions, o -> o.point().tokens(), boot.level());
        put(m, "bits", Unit.BITS, solutions, o -> o.point().bits(), boot.level());
        put(m, "loss", Unit.NONE, solutions, Optimum::loss, boot.level());
        put(m, "tokens_per_param", Unit.NONE, solutions, o -> o.point().tokensPerParam(), boot.level());
        m.put("level", NumberValue.of(boot.level()));
        m.put("samples", NumberValue.of(solved));
        m.put("infeasible", NumberValue.of(solutions.length - solved));
        return Optional.of(new RecordValue(m));
    }

    private static void put(Map<String, Value> m, String name, Unit unit, Optimum[] solutions,
                            ToDoubleFunction<Optimum> quantity, double level) {
        double[] v = java.util.Arrays.stream(solutions).filter(java.util.Objects::nonNull).mapToDouble(quantity).toArray();
        BootstrapSamples.percentile(v, level).ifPresent(i -> {
            Map<String, Value> r = new LinkedHashMap<>();
            r.put("lower", new NumberValue(i.lower(), unit));
            r.put("upper", new NumberValue(i.upper(), unit));
            m.put(name, new RecordValue(r));
        });
    }
}
