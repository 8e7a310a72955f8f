package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;

/**
 * A word written in a script where a name is expected, with its own span so that "did you mean"
 * diagnostics point at exactly the misspelt word.
 *
 * @param text the name as written, never empty
 * @param span where it is written
 */
public record Name(String text, Span span) {
    public Name {
        if (text == null || text.isEmpty() || span == null) {
            throw new IllegalArgumentException("a name needs non-empty text and a span, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
