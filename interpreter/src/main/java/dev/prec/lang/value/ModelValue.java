package dev.prec.lang.value;

/**
 * One model configuration (a family is a {@link ListValue} of these).
 *
 * @param name the declared name, with the varied fields for family members ({@code sizes[width=64]})
 * @param architecture the architecture, e.g. {@code transformer}
 * @param config the architecture's fields ({@code layers}, {@code width}, {@code heads}, {@code context}, ...)
 */
public record ModelValue(String name, String architecture, RecordValue config) implements Value {
    public ModelValue {
        if (name == null || architecture == null || config == null) {
            throw new IllegalArgumentException("name, architecture and config are required");
        }
    }

    public ModelValue withName(String newName) {
        return new ModelValue(newName, architecture, config);
    }

    /** The integer field {@code field} of the config, or {@code fallback} when it is absent. */
    public long intField(String field, long fallback) {
        return config.get(field).filter(v -> v instanceof NumberValue)
                .map(v -> (long) ((NumberValue) v).value()).orElse(fallback);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.MODEL);
    }
}
