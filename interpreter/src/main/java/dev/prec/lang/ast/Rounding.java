package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.Objects;

/**
 * How values are rounded onto a format's grid: {@code nearest} or {@code stochastic}.
 *
 * @param kind the rounding mode
 * @param span the qualifier as written
 */
public record Rounding(Kind kind, Span span) {
    public Rounding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(span, "span");
    }

    /** The rounding modes; the words are the script's keywords. */
    public enum Kind {
        NEAREST("nearest"), STOCHASTIC("stochastic");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The keyword. */
        public String word() {
            return word;
        }
    }
}
