package dev.prec.lang.value;

import java.util.List;

/**
 * A callable value: a built-in passed by name, or a fitted law used as a function of its variables.
 *
 * @param name the name shown in messages
 * @param parameters the named arguments it takes, in order
 * @param body what it computes
 */
public record FunctionValue(String name, List<String> parameters, Body body) implements Value {

    /** The computation of a function from its named arguments. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param arguments one field per parameter, defaults already filled in
         * @return the result
         * @throws IllegalArgumentException when an argument is out of its domain; the message says which
         */
        Value apply(RecordValue arguments);
    }

    public FunctionValue {
        if (name == null || body == null) {
            throw new IllegalArgumentException("name and body are required");
        }
        parameters = List.copyOf(parameters);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.FUNCTION);
    }
}
