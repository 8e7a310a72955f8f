package dev.prec.lang.value;

import java.util.List;

/**
 * A sweep expanded to its runs: the cartesian product of its axes, minus combinations its
 * {@code where} constraints reject.
 *
 * @param name the declared name
 * @param axes the axis names in declaration order ({@code model}, {@code tokens}, ...)
 * @param points one record per run, with one field per axis
 * @param considered the size of the cartesian product before {@code where} removed points,
 *     {@code considered >= points.size()}
 */
public record SweepValue(String name, List<String> axes, List<RecordValue> points, long considered) implements Value {
    public SweepValue {
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
        axes = List.copyOf(axes);
        points = List.copyOf(points);
        if (considered < points.size()) {
            throw new IllegalArgumentException("considered (" + considered + ") must be >= the number of points ("
                    + points.size() + ")");
        }
    }

    /** This sweep under another name. */
    public SweepValue withName(String newName) {
        return new SweepValue(newName, axes, points, considered);
    }

    /** This sweep with only {@code kept} of its points (a further where filter). */
    public SweepValue withPoints(List<RecordValue> kept) {
        return new SweepValue(name, axes, kept, considered);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.SWEEP);
    }
}
