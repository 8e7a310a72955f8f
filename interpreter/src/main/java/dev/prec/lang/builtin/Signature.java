package dev.prec.lang.builtin;

import dev.prec.lang.value.Type;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a built-in function: what it is called, what it takes, what it returns.
 *
 * @param name the function's name
 * @param params its parameters, positional order
 * @param result the type of its result
 * @param doc one line for help and completion
 */
public record Signature(String name, List<Param> params, Type result, String doc) {
    public Signature {
        if (name == null || result == null || doc == null) {
            throw new IllegalArgumentException("name, result and doc are required");
        }
        params = List.copyOf(params);
        if (params.stream().map(Param::name).distinct().count() != params.size()) {
            throw new IllegalArgumentException("parameter names of " + name + " must be distinct");
        }
    }

    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    public List<String> paramNames() {
        return params.stream().map(Param::name).toList();
    }

    /** E.g. {@code synthetic(vocab: number, order: number = 1, ...)}, every parameter with its default. */
    public String show() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            b.append(i == 0 ? "" : ", ").append(p.name()).append(": ").append(p.type().describe());
            p.defaultValue().ifPresent(v -> b.append(" = ").append(v.show()));
        }
        return b.append(')').toString();
    }

    /** The required parameters only, then "..." when there are optional ones: what a hint shows. */
    public String showRequired() {
        StringBuilder b = new StringBuilder(name).append('(');
        List<Param> required = params.stream().filter(Param::isRequired).toList();
        for (int i = 0; i < required.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(required.get(i).name()).append(": ").append(required.get(i).type().describe());
        }
        if (required.size() < params.size()) {
            b.append(required.isEmpty() ? "..." : ", ...");
        }
        return b.append(')').toString();
    }
}
