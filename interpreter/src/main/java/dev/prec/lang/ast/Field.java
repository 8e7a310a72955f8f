package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.Objects;

/**
 * One {@code key: value} entry of a record literal.
 *
 * @param key the key, with its span for "did you mean"
 * @param value the value
 * @param span the whole entry
 */
public record Field(Name key, Expr value, Span span) {
    public Field {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(span, "span");
    }
}
