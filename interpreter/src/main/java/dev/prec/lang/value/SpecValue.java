package dev.prec.lang.value;

/**
 * A named recipe with options that an engine interprets: a learning-rate schedule
 * ({@code cosine(warmup: 10%)}) or a quantization method ({@code gptq(group: 64)}).
 *
 * @param kind {@link Type.Kind#SCHEDULE} or {@link Type.Kind#METHOD}
 * @param name the recipe's name
 * @param options its named arguments, defaults filled in
 */
public record SpecValue(Type.Kind kind, String name, RecordValue options) implements Value {
    public SpecValue {
        if (kind != Type.Kind.SCHEDULE && kind != Type.Kind.METHOD) {
            throw new IllegalArgumentException("a spec is a schedule or a quantization method, got " + kind);
        }
        if (name == null || options == null) {
            throw new IllegalArgumentException("name and options are required");
        }
    }

    @Override
    public Type type() {
        return Type.of(kind);
    }
}
