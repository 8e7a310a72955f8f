package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.Objects;

/**
 * A named argument {@code name: value} of a call; named arguments follow the positional ones.
 *
 * @param name the parameter named, with its span for "did you mean"
 * @param value the argument
 * @param span the whole argument
 */
public record NamedArg(Name name, Expr value, Span span) {
    public NamedArg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(span, "span");
    }
}
