package dev.prec.lang.value;

/** A string of text; {@code value} must not be null. */
public record StringValue(String value) implements Value {
    public StringValue {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
    }

    @Override
    public Type type() {
        return Type.STRING;
    }
}
