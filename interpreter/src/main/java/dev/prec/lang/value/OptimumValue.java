package dev.prec.lang.value;

/**
 * The answer of {@code optimize}: the chosen point ({@code params}, {@code tokens}, {@code precision})
 * with the predicted loss and intervals, as fields an engine fills and a script reads by member access.
 */
public record OptimumValue(RecordValue fields) implements Value {
    public OptimumValue {
        if (fields == null) {
            throw new IllegalArgumentException("fields are required");
        }
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.OPTIMUM);
    }
}
