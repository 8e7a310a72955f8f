package dev.prec.lang.value;

/**
 * A number, a double as in the paper's arithmetic, with an optional unit.
 *
 * @param value the magnitude (any double, including infinities and NaN from arithmetic)
 * @param unit the unit, {@link Unit#NONE} for a plain number
 */
public record NumberValue(double value, Unit unit) implements Value {
    public NumberValue {
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null (use Unit.NONE)");
        }
    }

    public static NumberValue of(double value) {
        return new NumberValue(value, Unit.NONE);
    }

    @Override
    public Type type() {
        return Type.number(unit);
    }
}
