package dev.prec.lang.builtin;

import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import java.util.Optional;

/**
 * One named parameter of a built-in.
 *
 * @param name the name used in calls ({@code vocab:})
 * @param type what the argument must be
 * @param defaultValue the value when the argument is left out; empty when it is required
 * @param doc one line for help and completion
 */
public record Param(String name, Type type, Optional<Value> defaultValue, String doc) {
    public Param {
        if (name == null || type == null || defaultValue == null || doc == null) {
            throw new IllegalArgumentException("name, type, defaultValue and doc are required");
        }
    }

    public static Param required(String name, Type type, String doc) {
        return new Param(name, type, Optional.empty(), doc);
    }

    public static Param optional(String name, Type type, Value defaultValue, String doc) {
        return new Param(name, type, Optional.of(defaultValue), doc);
    }

    public boolean isRequired() {
        return defaultValue.isEmpty();
    }
}
