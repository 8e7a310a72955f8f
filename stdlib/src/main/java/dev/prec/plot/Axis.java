package dev.prec.plot;

/**
 * One axis of a chart.
 *
 * @param label the quantity and its unit in the domain's words, e.g. "parameters N"; non-blank
 * @param log whether the axis is logarithmic (scaling laws are power laws: N, D, budgets go on log axes);
 *     points with a non-positive coordinate on a log axis are not drawn
 */
public record Axis(String label, boolean log) {
    public Axis {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("an axis needs a label");
        }
    }

    /** A linear axis. */
    public static Axis linear(String label) {
        return new Axis(label, false);
    }

    /** A logarithmic axis. */
    public static Axis log(String label) {
        return new Axis(label, true);
    }
}
