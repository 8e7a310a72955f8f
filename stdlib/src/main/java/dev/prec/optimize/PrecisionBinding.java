package dev.prec.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a law's variables receive the solver's (N, D, P): {@code N} and {@code D} by name, the
 * single training precision P into every variable of {@code precisionVariables} (the paper's
 * compute-optimal analysis trains weights, activations and KV cache at one precision), and the
 * other variables held at {@code fixed} values (e.g. {@code P_post}).
 *
 * @param precisionVariables the variables set to P; may be empty (a law without precision)
 * @param fixed values of the remaining variables, by name
 */
public record PrecisionBinding(List<String> precisionVariables, Map<String, Double> fixed) {
    /** The variable holding the model size. */
    public static final String PARAMS = "N";
    /** The variable holding the training tokens. */
    public static final String TOKENS = "D";

    public PrecisionBinding {
        precisionVariables = List.copyOf(precisionVariables);
        fixed = Map.copyOf(fixed);
        for (String v : precisionVariables) {
            if (fixed.containsKey(v) || v.equals(PARAMS) || v.equals(TOKENS)) {
                throw new IllegalArgumentException("variable " + v + " is bound twice");
            }
        }
    }

    /**
     * The usual binding: every variable whose name starts with {@code P} and does not name a
     * post-training precision ({@code post} in its name) is tied to P; others must be in {@code fixed}.
     *
     * @param variables the law's variables
     * @param fixed values for the variables that are neither N, D nor a training precision
     */
    public static PrecisionBinding defaultFor(List<String> variables, Map<String, Double> fixed) {
        List<String> tied = new ArrayList<>();
        for (String v : variables) {
            boolean precision = v.startsWith("P") && !v.toLowerCase(Locale.ROOT).contains("post");
            if (precision && !fixed.containsKey(v)) {
                tied.add(v);
            }
        }
        return new PrecisionBinding(tied, fixed);
    }

    /**
     * Checks that every one of {@code variables} receives a value.
     *
     * @throws IllegalArgumentException if some of {@code variables} receives no value, naming them
     */
    public void requireCovers(List<String> variables) {
        Set<String> bound = new java.util.HashSet<>(precisionVariables);
        bound.addAll(fixed.keySet());
        bound.add(PARAMS);
        bound.add(TOKENS);
        List<String> missing = variables.stream().filter(v -> !bound.contains(v)).toList();
        if (missing.isEmpty()) {
            return;
        }
        throw new IllegalArgumentException("the law's variables " + missing + " are neither N, D nor a training"
                + " precision; give them fixed values");
    }

    /** Whether the law depends on precision at all through this binding. */
    public boolean hasPrecision() {
        return !precisionVariables.isEmpty();
    }
}
