package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.List;
import java.util.Objects;

/**
 * A free parameter of a law with its bounds: {@code A} (unbounded), {@code A > 0},
 * {@code alpha in [0, 2]} (two bounds: {@code >= 0} and {@code <= 2}).
 *
 * @param name the parameter
 * @param bounds the constraints on it, empty when unbounded
 * @param span the whole parameter clause
 */
public record LawParam(Name name, List<Bound> bounds, Span span) {
    public LawParam {
        Objects.requireNonNull(name, "name");
        bounds = List.copyOf(bounds);
        Objects.requireNonNull(span, "span");
    }

    /**
     * One constraint {@code param <relation> limit}.
     *
     * @param relation how the parameter compares with the limit
     * @param limit the limit, an expression the checker requires to be a constant number
     * @param span the relation and the limit as written
     */
    public record Bound(Relation relation, Expr limit, Span span) {
        public Bound {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(span, "span");
        }
    }

    /** The relations a bound may state. */
    public enum Relation {
        GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        /** The relation as written. */
        public String symbol() {
            return symbol;
        }
    }
}
