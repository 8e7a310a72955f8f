package dev.prec.lang.builtin;

import dev.prec.lang.engine.Capability;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import java.util.Optional;
import java.util.function.Function;

/**
 * A built-in name bound to a value: a format preset, a granularity, a rounding mode, the paper's laws.
 *
 * @param name the name
 * @param type its static type
 * @param doc one line for help and completion
 * @param needs the capability its value comes from; empty for plain constants
 * @param value computes the value from the available engines (called only when {@code needs} is met)
 */
public record Constant(String name, Type type, String doc, Optional<Capability> needs,
                       Function<CallContext, Value> value) {
    public Constant {
        if (name == null || type == null || doc == null || needs == null || value == null) {
            throw new IllegalArgumentException("name, type, doc, needs and value are required");
        }
    }

    static Constant of(String name, Value v, String doc) {
        return new Constant(name, v.type(), doc, Optional.empty(), c -> v);
    }
}
