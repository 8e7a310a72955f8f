package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * Which elements share one quantization scale: {@code per_tensor}, {@code per_channel},
 * {@code per_token} or {@code per_group(32)}.
 *
 * @param kind the granularity
 * @param groupSize the group size expression, present exactly when {@code kind == PER_GROUP}
 * @param span the qualifier as written
 * @throws IllegalArgumentException if {@code groupSize.isPresent() != (kind == Kind.PER_GROUP)}
 */
public record Granularity(Kind kind, Optional<Expr> groupSize, Span span) {
    public Granularity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(groupSize, "groupSize");
        Objects.requireNonNull(span, "span");
        if (groupSize.isPresent() != (kind == Kind.PER_GROUP)) {
            throw new IllegalArgumentException("a group size goes with per_group only, got " + kind);
        }
    }

    /** The granularities; the words are the script's keywords. */
    public enum Kind {
        PER_TENSOR("per_tensor"), PER_CHANNEL("per_channel"), PER_TOKEN("per_token"), PER_GROUP("per_group");

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
