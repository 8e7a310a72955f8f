package dev.prec.law;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A scaling law: named variables read from data, parameters with constraints, the predicted
 * value as an expression, the conditions of its domain, and published parameter values.
 * Immutable; {@link #builder(String)} makes one.
 *
 * @param name registry name, e.g. {@code kumar2024.training}; non-blank
 * @param description one paragraph: the formula, what it predicts, the citation
 * @param variables names of the data variables, in declaration order; the expression reads only these
 * @param parameters the fitted parameters, in declaration order (the fitter's vector order)
 * @param loss the predicted value (loss in nats per token, or a PTQ degradation)
 * @param conditions domain conditions checked before the value
 * @param published published values by parameter name; may cover only some parameters
 */
public record Law(String name, String description, List<String> variables, List<Parameter> parameters,
                  Expr loss, List<DomainCondition> conditions, Map<String, Double> published) {

    public Law {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("law name must be non-blank");
        }
        Objects.requireNonNull(description, "description");
        variables = List.copyOf(variables);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(loss, "loss");
        conditions = List.copyOf(conditions);
        published = Map.copyOf(published);
        validate(name, variables, parameters, loss, conditions, published);
    }

    private static void validate(String name, List<String> variables, List<Parameter> parameters, Expr loss,
                                 List<DomainCondition> conditions, Map<String, Double> published) {
        List<String> paramNames = parameters.stream().map(Parameter::name).toList();
        if (Set.copyOf(paramNames).size() != paramNames.size() || Set.copyOf(variables).size() != variables.size()) {
            throw new IllegalArgumentException("law " + name + " declares a variable or parameter twice");
        }
        List<Expr> exprs = new ArrayList<>();
        exprs.add(loss);
        conditions.forEach(c -> exprs.add(c.mustBePositive()));
        for (Expr e : exprs) {
            for (String v : e.variables()) {
                if (!variables.contains(v)) {
                    throw new IllegalArgumentException("law " + name + " reads undeclared variable " + v);
                }
            }
            for (String p : e.parameters()) {
                if (!paramNames.contains(p)) {
                    throw new IllegalArgumentException("law " + name + " reads undeclared parameter " + p);
                }
            }
        }
        for (Map.Entry<String, Double> e : published.entrySet()) {
            int i = paramNames.indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("law " + name + " publishes a value for unknown parameter " + e.getKey());
            }
            if (!parameters.get(i).constraint().admits(e.getValue())) {
                throw new IllegalArgumentException("published " + e.getKey() + " = " + e.getValue()
                        + " violates its constraint " + parameters.get(i).constraint().describe());
            }
        }
    }

    /** A builder for a law named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Names of the parameters in vector order. */
    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** The parameter called {@code name}. @throws IllegalArgumentException if there is none */
    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("law " + this.name + " has no parameter " + name));
    }

    /**
     * The law with every parameter given a value, ready to evaluate.
     *
     * @param values a value for every parameter, each admitted by its constraint
     * @throws IllegalArgumentException if a parameter is missing or a value violates its constraint
     */
    public LawInstance at(Map<String, Double> values) {
        return new LawInstance(this, values);
    }

    /**
     * The law at its published values.
     *
     * @throws IllegalStateException if some parameters have no published value (their names are listed)
     */
    public LawInstance atPublished() {
        List<String> missing = parameterNames().stream().filter(p -> !published.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("law " + name + " has no published value for " + missing
                    + "; supply them with at(values)");
        }
        return at(published);
    }

    /**
     * The law with some parameters held at given values: they become constants and leave the
     * parameter list (the floating-point weight variant holds A, B, E and alpha this way).
     *
     * @throws IllegalArgumentException if a name is not a parameter or a value violates its constraint
     */
    public Law withFixed(Map<String, Double> fixed) {
        for (Map.Entry<String, Double> e : fixed.entrySet()) {
            if (!parameter(e.getKey()).constraint().admits(e.getValue())) {
                throw new IllegalArgumentException("fixed " + e.getKey() + " = " + e.getValue() + " violates its constraint");
            }
        }
        List<Parameter> rest = parameters.stream().filter(p -> !fixed.containsKey(p.name())).toList();
        List<DomainCondition> conds = conditions.stream()
                .map(c -> new DomainCondition(c.mustBePositive().fixParameters(fixed), c.reason())).toList();
        Map<String, Double> pub = new HashMap<>(published);
        pub.keySet().removeAll(fixed.keySet());
        return new Law(name, description + " Held fixed: " + fixed + ".", variables, rest,
                loss.fixParameters(fixed), conds, pub);
    }

    /**
     * The same law with different published values (a partial map is allowed).
     *
     * @throws IllegalArgumentException if a name is not a parameter or a value violates its constraint
     */
    public Law withPublished(Map<String, Double> values) {
        return new Law(name, description, variables, parameters, loss, conditions, values);
    }

    /** The same law under another name and description (a user's variant of a built-in). */
    public Law renamed(String newName, String newDescription) {
        return new Law(newName, newDescription, variables, parameters, loss, conditions, published);
    }

    /** Compiles the law for fast evaluation over whole tables (what the fitter uses). */
    public CompiledLaw compile() {
        return CompiledLaw.compile(this);
    }

    /** A mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private final List<String> variables = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<DomainCondition> conditions = new ArrayList<>();
        private final Map<String, Double> published = new LinkedHashMap<>();
        private Expr loss;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder variables(String... names) {
            variables.addAll(List.of(names));
            return this;
        }

        public Builder parameter(Parameter p) {
            parameters.add(p);
            return this;
        }

        /** Adds a parameter and its published value. */
        public Builder parameter(Parameter p, double publishedValue) {
            parameters.add(p);
            published.put(p.name(), publishedValue);
            return this;
        }

        public Builder require(Expr mustBePositive, String reason) {
            conditions.add(new DomainCondition(mustBePositive, reason));
            return this;
        }

        public Builder loss(Expr expr) {
            this.loss = expr;
            return this;
        }

        public Law build() {
            return new Law(name, description, variables, parameters, loss, conditions, published);
        }
    }
}
