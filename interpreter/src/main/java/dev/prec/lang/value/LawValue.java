package dev.prec.lang.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scaling law: a loss as a function of variables ({@code N}, {@code D}, {@code Pw}, ...) and
 * parameters, unfitted (no parameter values) or fitted/published (every parameter has a value).
 *
 * @param name the declared or built-in name
 * @param variables the law's inputs, in declaration order
 * @param params the parameters to fit, with their bounds
 * @param form how to compute the loss
 * @param values parameter values when fitted or published; empty when unfitted
 */
public record LawValue(String name, List<String> variables, List<Param> params, Form form,
                       Map<String, Double> values) implements Value {

    /**
     * A parameter and the interval it must stay in.
     *
     * @param name the parameter's name
     * @param lower lower bound, {@code -Infinity} when unbounded
     * @param upper upper bound, {@code +Infinity} when unbounded; {@code upper >= lower}
     */
    public record Param(String name, double lower, double upper) {
        public Param {
            if (name == null || !(upper >= lower)) {
                throw new IllegalArgumentException("a parameter needs a name and lower <= upper, got ["
                        + lower + ", " + upper + "]");
            }
        }
    }

    /** The computation of a law's loss. Implementations must be pure and thread-safe. */
    @FunctionalInterface
    public interface Form {
        /**
         * The predicted loss in nats per token.
         *
         * @param variables a value for every variable of the law
         * @param params a value for every parameter of the law
         * @return the loss; NaN when the point is outside the law's domain
         */
        double loss(Map<String, Double> variables, Map<String, Double> params);

        /**
         * The declaration of a law written in a script, for engines that compile laws into their own
         * expression form (symbolic gradients, vectorized evaluation); empty for built-in laws.
         */
        default java.util.Optional<dev.prec.lang.ast.Stmt.LawDecl> declaration() {
            return java.util.Optional.empty();
        }
    }

    public LawValue {
        if (name == null || form == null) {
            throw new IllegalArgumentException("name and form are required");
        }
        variables = List.copyOf(variables);
        params = List.copyOf(params);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** True when every parameter has a value, so the law can predict. */
    public boolean isFitted() {
        return params.stream().allMatch(p -> values.containsKey(p.name()));
    }

    /** This law with parameter values set (after a fit). */
    public LawValue withValues(Map<String, Double> fitted) {
        return new LawValue(name, variables, params, form, fitted);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.LAW);
    }
}
