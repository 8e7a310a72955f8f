package dev.prec.lang.builtin;

import dev.prec.lang.value.Type;

/**
 * One option an action's {@code with { ... }} record may set; the engine picks the default.
 *
 * @param name the field name
 * @param type what its value must be
 * @param doc one line for help and completion
 */
public record Option(String name, Type type, String doc) {
    public Option {
        if (name == null || type == null || doc == null) {
            throw new IllegalArgumentException("name, type and doc are required");
        }
    }
}
