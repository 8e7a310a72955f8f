package dev.prec.lang.value;

/** Rounding mode of a quantizer: to nearest (ties to even) or stochastic. */
public record RoundingValue(Mode mode) implements Value {

    /** The two modes the trainer supports. */
    public enum Mode { NEAREST, STOCHASTIC }

    public static final RoundingValue NEAREST = new RoundingValue(Mode.NEAREST);
    public static final RoundingValue STOCHASTIC = new RoundingValue(Mode.STOCHASTIC);

    public RoundingValue {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.ROUNDING);
    }
}
