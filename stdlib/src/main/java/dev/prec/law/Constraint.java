package dev.prec.law;

/**
 * What values a parameter may take, and so how the fitter treats it: positive parameters are
 * fitted in log space (unconstrained there), bounded ones inside a box, free ones anywhere.
 */
public sealed interface Constraint permits Constraint.Positive, Constraint.Bounded, Constraint.Free {

    /** {@code value > 0}; fitted as {@code log(value)}. */
    record Positive() implements Constraint {
    }

    /**
     * {@code lo <= value <= hi}.
     *
     * @param lo lower bound, finite
     * @param hi upper bound, finite, {@code hi > lo}
     */
    record Bounded(double lo, double hi) implements Constraint {
        public Bounded {
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
                throw new IllegalArgumentException("bounds must be finite with hi > lo, got [" + lo + ", " + hi + "]");
            }
        }
    }

    /** Any finite value. */
    record Free() implements Constraint {
    }

    /** The positive constraint. */
    static Constraint positive() {
        return new Positive();
    }

    /** The box {@code [lo, hi]}. @throws IllegalArgumentException if {@code !(hi > lo)} */
    static Constraint bounded(double lo, double hi) {
        return new Bounded(lo, hi);
    }

    /** No constraint. */
    static Constraint free() {
        return new Free();
    }

    /** Whether {@code value} satisfies the constraint. */
    default boolean admits(double value) {
        return switch (this) {
            case Positive p -> value > 0 && Double.isFinite(value);
            case Bounded b -> value >= b.lo() && value <= b.hi();
            case Free f -> Double.isFinite(value);
        };
    }

    /** The constraint as a law declaration states it, e.g. {@code > 0} or {@code in [0, 2]}. */
    default String describe() {
        return switch (this) {
            case Positive p -> "> 0";
            case Bounded b -> "in [" + b.lo() + ", " + b.hi() + "]";
            case Free f -> "free";
        };
    }
}
