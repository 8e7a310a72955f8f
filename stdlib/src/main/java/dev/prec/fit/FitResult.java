package dev.prec.fit;

import dev.prec.law.Law;
import dev.prec.law.LawInstance;
import java.util.List;
import java.util.Map;

/**
 * A fitted law.
 *
 * @param law the law that was fitted
 * @param values fitted value per parameter, in the law's parameter order
 * @param objective the Huber objective at {@code values}
 * @param convergence the winning start's optimisation (point in optimiser coordinates: log for
 *     positive parameters), its iterations, gradient norm and stop reason
 * @param starts what the grid of starts did
 * @param quality R^2 and RMSE of log values on the fitted rows
 * @param warnings identifiability warnings, one sentence each; empty when none
 * @param provenance what is needed to repeat the fit
 */
public record FitResult(Law law, Map<String, Double> values, double objective, OptimizerResult convergence,
                        StartSummary starts, GoodnessOfFit quality, List<String> warnings, Provenance provenance) {
    public FitResult {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        warnings = List.copyOf(warnings);
    }

    /** The fitted law, ready to evaluate. */
    public LawInstance instance() {
        return law.at(values);
    }

    /** The fitted value of {@code name}. @throws IllegalArgumentException if there is no such parameter */
    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name + " in " + values.keySet());
        }
        return v;
    }
}
