package dev.prec.lang.value;

/** The result of an action that produces nothing to keep ({@code print}, {@code assert}). */
public record NothingValue() implements Value {
    public static final NothingValue INSTANCE = new NothingValue();

    @Override
    public Type type() {
        return Type.NOTHING;
    }
}
