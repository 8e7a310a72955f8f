package dev.prec.optimize;

import dev.prec.law.Evaluation;
import dev.prec.law.LawInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A law seen as a function of (N, D, P): what every solver minimises. Implementations must be pure
 * and thread-safe (bootstrap intervals solve in parallel).
 */
@FunctionalInterface
public interface LossSurface {

    /**
     * The predicted loss at {@code p}.
     *
     * @param p the configuration
     * @return the loss in nats per token; NaN when {@code p} lies outside the law's domain (the
     *     solvers treat it as infeasible, never as a minimum)
     */
    double loss(Point p);

    /**
     * The surface of a law with parameter values: N and D feed the law's variables {@code N} and
     * {@code D}; P feeds every variable {@code binding} ties to it; the rest are held at the
     * binding's fixed values.
     *
     * @param law the law with every parameter valued
     * @param binding how the law's variables map to (N, D, P)
     * @throws IllegalArgumentException if the binding leaves a variable of the law unvalued
     */
    static LossSurface of(LawInstance law, PrecisionBinding binding) {
        return of(law.law().variables(), point -> switch (law.evaluate(point)) {
            case Evaluation.Value v -> v.loss();
            case Evaluation.OutsideDomain o -> Double.NaN;
        }, binding);
    }

    /**
     * The surface of any function of named variables (a law written in a script, evaluated by the
     * language): N, D and P are placed as {@code binding} says.
     *
     * @param variables the law's variables
     * @param law the loss at a point holding every variable; NaN outside the law's domain; thread-safe
     * @param binding how the variables map to (N, D, P)
     * @throws IllegalArgumentException if the binding leaves a variable unvalued
     */
    static LossSurface of(List<String> variables, ToDoubleFunction<Map<String, Double>> law, PrecisionBinding binding) {
        binding.requireCovers(variables);
        return p -> {
            Map<String, Double> point = new HashMap<>(binding.fixed());
            point.put(PrecisionBinding.PARAMS, p.params());
            point.put(PrecisionBinding.TOKENS, p.tokens());
            for (String v : binding.precisionVariables()) {
                point.put(v, p.bits());
            }
            return law.applyAsDouble(point);
        };
    }

    /** The surface of a built-in or fitted law with the default binding of {@link PrecisionBinding#defaultFor}. */
    static LossSurface of(LawInstance law) {
        return of(law, PrecisionBinding.defaultFor(law.law().variables(), Map.of()));
    }
}
