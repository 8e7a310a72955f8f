package dev.prec.optimize;

import dev.prec.law.Evaluation;
import dev.prec.law.LawInstance;
import java.util.HashMap;
import java.util.Map;

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
        binding.requireCovers(law.law().variables());
        return p -> {
            Map<String, Double> point = new HashMap<>(binding.fixed());
            point.put(PrecisionBinding.PARAMS, p.params());
            point.put(PrecisionBinding.TOKENS, p.tokens());
            for (String v : binding.precisionVariables()) {
                point.put(v, p.bits());
            }
            return switch (law.evaluate(point)) {
                case Evaluation.Value v -> v.loss();
                case Evaluation.OutsideDomain o -> Double.NaN;
            };
        };
    }

    /** The surface of a built-in or fitted law with the default binding of {@link PrecisionBinding#defaultFor}. */
    static LossSurface of(LawInstance law) {
        return of(law, PrecisionBinding.defaultFor(law.law().variables(), Map.of()));
    }
}
