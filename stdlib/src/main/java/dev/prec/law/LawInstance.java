package dev.prec.law;

import java.util.Map;
import java.util.Objects;

/**
 * A law with a value for every parameter: a function from a point (variable values) to an
 * {@link Evaluation}.
 *
 * @param law the law
 * @param values a value for every parameter of {@code law}, each admitted by its constraint
 */
public record LawInstance(Law law, Map<String, Double> values) {
    public LawInstance {
        Objects.requireNonNull(law, "law");
        values = Map.copyOf(values);
        for (Parameter p : law.parameters()) {
            Double v = values.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException("no value for parameter " + p.name() + " of law " + law.name());
            }
            if (!p.constraint().admits(v)) {
                throw new IllegalArgumentException(p.name() + " = " + v + " violates its constraint " + p.constraint().describe());
            }
        }
    }

    /**
     * Evaluates the law at one point.
     *
     * @param point a value for every variable of the law (e.g. N in parameters, D in tokens, P_w in bits)
     * @return the predicted value, or the reason the point is outside the domain; never NaN
     * @throws IllegalArgumentException if a variable has no value
     */
    public Evaluation evaluate(Map<String, Double> point) {
        for (String v : law.variables()) {
            if (!point.containsKey(v)) {
                throw new IllegalArgumentException("no value for variable " + v + " of law " + law.name());
            }
        }
        return TreeEvaluator.evaluate(law, values, point);
    }
}
