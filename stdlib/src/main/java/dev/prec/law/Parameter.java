package dev.prec.law;

import java.util.Objects;

/**
 * A parameter of a law: its name, constraint, the range the fitter's grid of starting points
 * spans, and what it means.
 *
 * @param name the name used in the law's expression, non-blank
 * @param constraint admissible values
 * @param startLo lowest starting value of the grid; admitted by {@code constraint}
 * @param startHi highest starting value of the grid; admitted by {@code constraint},
 *     {@code startHi >= startLo}. For positive parameters the grid is geometric between the two,
 *     otherwise linear.
 * @param description one line for documentation and completion; may be empty
 */
public record Parameter(String name, Constraint constraint, double startLo, double startHi, String description) {
    public Parameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must be non-blank");
        }
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(description, "description");
        if (!constraint.admits(startLo) || !constraint.admits(startHi) || !(startHi >= startLo)) {
            throw new IllegalArgumentException("start range [" + startLo + ", " + startHi + "] of " + name
                    + " must lie inside its constraint " + constraint.describe() + " with hi >= lo");
        }
    }

    /**
     * A positive parameter with a default start range of one decade either side of 1, widened
     * to include {@code typical}.
     *
     * @param typical a typical magnitude, {@code > 0}
     * @throws IllegalArgumentException if {@code typical <= 0}
     */
    public static Parameter positive(String name, double typical, String description) {
        if (!(typical > 0)) {
            throw new IllegalArgumentException("typical value of " + name + " must be > 0, got " + typical);
        }
        return new Parameter(name, Constraint.positive(), typical / 10, typical * 10, description);
    }

    /** A parameter inside {@code [lo, hi]}; the grid spans the interior of the box. */
    public static Parameter bounded(String name, Constraint.Bounded box, String description) {
        double margin = (box.hi() - box.lo()) / 8;
        return new Parameter(name, box, box.lo() + margin, box.hi() - margin, description);
    }

    /** The same parameter with the grid spanning {@code [lo, hi]}. */
    public Parameter withStartRange(double lo, double hi) {
        return new Parameter(name, constraint, lo, hi, description);
    }
}
