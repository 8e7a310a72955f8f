package dev.prec.optimize;

import java.util.List;
import java.util.Objects;

/**
 * A solver's answer.
 *
 * @param problem which problem was solved, e.g. "joint", "precision fixed at 8 bits"
 * @param point the optimal (N*, D*, P*)
 * @param loss the predicted loss there, nats per token
 * @param cost the cost of {@code point} under the solver's cost model (equals the budget up to
 *     rounding)
 * @param notes warnings, one sentence each: an optimum on a bound of the search space is a bound,
 *     not an interior optimum; empty when none
 */
public record Optimum(String problem, Point point, double loss, double cost, List<String> notes) {
    public Optimum {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(point, "point");
        if (!Double.isFinite(loss) || !Double.isFinite(cost)) {
            throw new IllegalArgumentException("loss and cost must be finite, got " + loss + ", " + cost);
        }
        notes = List.copyOf(notes);
    }
}
