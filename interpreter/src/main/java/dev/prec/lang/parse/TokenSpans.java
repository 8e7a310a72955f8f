package dev.prec.lang.parse;

import dev.prec.lang.diag.Span;
import org.antlr.v4.runtime.Token;

/** Spans of tokens, in the 1-based line and column convention of {@link Span}. */
final class TokenSpans {
    private TokenSpans() {
    }

    /** The span covering {@code token}'s text (one column wide for an empty token such as EOF). */
    static Span of(String file, Token token) {
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        String text = token.getType() == Token.EOF || token.getText() == null ? "" : token.getText();
        int lastBreak = text.lastIndexOf('\n');
        if (lastBreak < 0) {
            return new Span(file, line, column, line, column + Math.max(1, text.length()));
        }
        int breaks = (int) text.chars().filter(c -> c == '\n').count();
        return new Span(file, line, column, line + breaks, text.length() - lastBreak);
    }

    /** The span from the start of {@code first} to the end of {@code last}. */
    static Span between(String file, Token first, Token last) {
        Span start = of(file, first);
        if (last == null || last.getType() == Token.EOF || last.getStartIndex() < first.getStartIndex()) {
            return start;
        }
        return start.to(of(file, last));
    }

    /** A one-column span just after {@code token}: where something missing should have been written. */
    static Span after(String file, Token token) {
        Span s = of(file, token);
        return new Span(file, s.endLine(), s.endColumn(), s.endLine(), s.endColumn() + 1);
    }
}
