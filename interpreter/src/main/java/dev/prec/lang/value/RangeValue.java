package dev.prec.lang.value;

import java.util.ArrayList;
import java.util.List;

/**
 * An arithmetic progression {@code from, from + step, ...} up to and including {@code to}.
 *
 * @param from first element
 * @param to last element bound (inclusive), {@code to >= from} when {@code step > 0}
 * @param step the increment, {@code step > 0}, finite
 * @param unit the unit of every element
 */
public record RangeValue(double from, double to, double step, Unit unit) implements Value {
    /** Longest range a script may expand, so a typo like {@code 1..1e12} fails clearly instead of hanging. */
    public static final int MAX_ELEMENTS = 1_000_000;

    public RangeValue {
        if (!(step > 0) || !Double.isFinite(step) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("a range needs finite bounds and a step > 0, got step " + step);
        }
        if ((to - from) / step >= MAX_ELEMENTS) {
            throw new IllegalArgumentException("a range may have at most " + MAX_ELEMENTS + " elements");
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null");
        }
    }

    /** The elements, in order; empty when {@code to < from}. */
    public List<Value> elements() {
        List<Value> out = new ArrayList<>();
        // Index-based so rounding error does not accumulate over the range.
        for (long i = 0; from + i * step <= to + step * 1e-9; i++) {
            out.add(new NumberValue(from + i * step, unit));
        }
        return out;
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.RANGE);
    }
}
