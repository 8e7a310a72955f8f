package dev.prec.law;

/** The result of evaluating a law at one point: a loss, or why the point is outside the domain. */
public sealed interface Evaluation permits Evaluation.Value, Evaluation.OutsideDomain {

    /** A finite, strictly positive predicted loss (nats per token for the built-in laws). */
    record Value(double loss) implements Evaluation {
        public Value {
            if (!(loss > 0) || !Double.isFinite(loss)) {
                throw new IllegalArgumentException("a law value must be finite and > 0, got " + loss);
            }
        }
    }

    /** The point lies outside the law's domain. @param reason one sentence naming the cause */
    record OutsideDomain(String reason) implements Evaluation {
    }

    /**
     * The loss.
     *
     * @throws IllegalStateException if the point is outside the domain, with the reason
     */
    default double orThrow() {
        return switch (this) {
            case Value v -> v.loss();
            case OutsideDomain o -> throw new IllegalStateException("outside the law's domain: " + o.reason());
        };
    }
}
