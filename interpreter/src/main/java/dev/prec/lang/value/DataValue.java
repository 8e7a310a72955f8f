package dev.prec.lang.value;

/**
 * A description of a data source; the trainer engine turns it into token batches.
 *
 * @param source the constructor that made it ({@code synthetic}, {@code text})
 * @param options its named arguments, defaults filled in
 */
public record DataValue(String source, RecordValue options) implements Value {
    public DataValue {
        if (source == null || options == null) {
            throw new IllegalArgumentException("source and options are required");
        }
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.DATA);
    }
}
