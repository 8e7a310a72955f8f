package dev.prec.lang.value;

import java.util.List;

/** An ordered, immutable list; the elements are copied on construction. */
public record ListValue(List<Value> elements) implements Value {
    public ListValue {
        elements = List.copyOf(elements);
    }

    @Override
    public Type type() {
        if (elements.isEmpty()) {
            return new Type.ListOf(Type.ANY);
        }
        Type first = elements.getFirst().type();
        for (Value v : elements) {
            if (!v.type().equals(first)) {
                return new Type.ListOf(Type.ANY);
            }
        }
        return new Type.ListOf(first);
    }
}
