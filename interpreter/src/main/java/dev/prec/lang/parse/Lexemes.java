package dev.prec.lang.parse;

import dev.prec.grammar.PrecLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The words of a text by kind, for a REPL's highlighting and keyword completion, without ANTLR types.
 * Works on any text, including unfinished or wrong input: unknown characters and unclosed strings
 * come back as {@link Kind#ERROR}.
 */
public final class Lexemes {
    private Lexemes() {
    }

    /** What a piece of text is. */
    public enum Kind { KEYWORD, NAME, NUMBER, STRING, COMMENT, OPERATOR, ERROR }

    /**
     * One piece of text.
     *
     * @param kind what it is
     * @param start index of its first char in the text, {@code >= 0}
     * @param end index just past its last char, {@code > start}
     */
    public record Lexeme(Kind kind, int start, int end) {
        public Lexeme {
            if (kind == null || start < 0 || end <= start) {
                throw new IllegalArgumentException("a lexeme needs a kind and 0 <= start < end, got " + start + ".." + end);
            }
        }
    }

    /** The lexemes of {@code text} in order, white space and line breaks left out. */
    public static List<Lexeme> of(String text) {
        PrecLexer lexer = new PrecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Lexeme> out = new ArrayList<>();
        // ANTLR's indexes count code points, the caller's String indexes UTF-16 chars; tokens come in
        // order, so one running pair of positions converts them all in a single pass over the text
        int codePoint = 0;
        int charIndex = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int start = text.offsetByCodePoints(charIndex, t.getStartIndex() - codePoint);
            int end = text.offsetByCodePoints(start, t.getStopIndex() - t.getStartIndex() + 1);
            codePoint = t.getStopIndex() + 1;
            charIndex = end;
            Kind kind = kind(t.getType());
            if (kind != null) {
                out.add(new Lexeme(kind, start, end));
            }
        }
        return out;
    }

    /** Every keyword of the language, in the grammar's order. */
    public static List<String> keywords() {
        return IntStream.rangeClosed(1, PrecLexer.VOCABULARY.getMaxTokenType())
                .mapToObj(PrecLexer.VOCABULARY::getLiteralName)
                .filter(n -> n != null && Character.isLetter(n.charAt(1)))
                .map(n -> n.substring(1, n.length() - 1))
                .toList();
    }

    private static Kind kind(int type) {
        return switch (type) {
            case PrecLexer.NL, PrecLexer.WS -> null;
            case PrecLexer.IDENT -> Kind.NAME;
            case PrecLexer.NUMBER -> Kind.NUMBER;
            case PrecLexer.STRING -> Kind.STRING;
            case PrecLexer.LINE_COMMENT, PrecLexer.BLOCK_COMMENT -> Kind.COMMENT;
            case PrecLexer.UNTERMINATED_STRING, PrecLexer.ERROR_CHAR -> Kind.ERROR;
            default -> {
                String literal = PrecLexer.VOCABULARY.getLiteralName(type);
                yield literal != null && Character.isLetter(literal.charAt(1)) ? Kind.KEYWORD : Kind.OPERATOR;
            }
        };
    }
}
