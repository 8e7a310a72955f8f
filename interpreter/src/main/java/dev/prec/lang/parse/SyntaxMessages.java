package dev.prec.lang.parse;

import dev.prec.grammar.PrecLexer;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.Span;
import dev.prec.lang.diag.Suggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Plain-word messages for the syntax errors of one statement, replacing ANTLR's "mismatched input",
 * "extraneous input" and "no viable alternative": what was expected, after what, what was found, and
 * which bracket is still open and where it was opened.
 */
final class SyntaxMessages {
    private static final Vocabulary VOCABULARY = PrecLexer.VOCABULARY;

    /** Tokens that can start an expression; one of NUMBER and LPAREN in an expected set means "an expression". */
    private static final Set<Integer> EXPRESSION_START = Set.of(
            PrecLexer.NUMBER, PrecLexer.STRING, PrecLexer.TRUE, PrecLexer.FALSE, PrecLexer.LBRACK,
            PrecLexer.LBRACE, PrecLexer.LPAREN, PrecLexer.MINUS, PrecLexer.NOT, PrecLexer.TRAIN,
            PrecLexer.QUANTIZE, PrecLexer.FIT, PrecLexer.PREDICT, PrecLexer.OPTIMIZE, PrecLexer.PLAN);

    /** Words the grammar accepts as names ({@code name} rule). */
    private static final Set<Integer> NAMES = Set.of(
            PrecLexer.IDENT, PrecLexer.DATA, PrecLexer.MODEL, PrecLexer.FORMAT, PrecLexer.PRECISION,
            PrecLexer.BUDGET, PrecLexer.TOKENS, PrecLexer.PARAMS, PrecLexer.FLOPS, PrecLexer.BITFLOPS,
            PrecLexer.BITS, PrecLexer.PER_TENSOR, PrecLexer.PER_CHANNEL, PrecLexer.PER_TOKEN, PrecLexer.PER_GROUP,
            PrecLexer.NEAREST, PrecLexer.STOCHASTIC);

    /** What may follow a complete operand; two of them in an expected set mean "an operator". */
    private static final Set<Integer> OPERATORS = Set.of(
            PrecLexer.PLUS, PrecLexer.MINUS, PrecLexer.STAR, PrecLexer.SLASH, PrecLexer.CARET, PrecLexer.EQ,
            PrecLexer.NE, PrecLexer.LT, PrecLexer.LE, PrecLexer.GT, PrecLexer.GE, PrecLexer.AND, PrecLexer.OR,
            PrecLexer.IN, PrecLexer.BETWEEN, PrecLexer.DOTDOT, PrecLexer.BY, PrecLexer.DOT, PrecLexer.LPAREN,
            PrecLexer.LBRACK, PrecLexer.WHERE, PrecLexer.WITH, PrecLexer.PER_TENSOR, PrecLexer.PER_CHANNEL,
            PrecLexer.PER_TOKEN, PrecLexer.PER_GROUP, PrecLexer.NEAREST, PrecLexer.STOCHASTIC, PrecLexer.TOKENS,
            PrecLexer.PARAMS, PrecLexer.FLOPS, PrecLexer.BITFLOPS, PrecLexer.BITS);

    private static final Set<Integer> COMPARISONS = Set.of(
            PrecLexer.EQ, PrecLexer.NE, PrecLexer.LT, PrecLexer.LE, PrecLexer.GT, PrecLexer.GE, PrecLexer.IN);

    /** Keywords a misspelt first word of a statement is compared with. */
    private static final List<String> STATEMENT_WORDS = List.of(
            "data", "model", "format", "precision", "sweep", "law", "print", "plot", "export", "report",
            "assert", "train", "quantize", "fit", "predict", "optimize", "plan");

    private final String file;
    private final List<Token> tokens;

    /**
     * @param file the file name shown in spans
     * @param tokens the statement's tokens, ending with EOF
     */
    SyntaxMessages(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /**
     * The diagnostic for an error at {@code offending}.
     *
     * @param offending the token the parser could not accept
     * @param expected the tokens it could have accepted there, or null when unknown (no viable alternative)
     */
    Diagnostic describe(Token offending, IntervalSet expected) {
        int at = indexOf(offending);
        Token previous = at > 0 ? tokens.get(at - 1) : null;
        Token opener = innermostOpen(at);
        boolean ended = isEnd(offending);
        Span where = ended && previous != null ? TokenSpans.after(file, previous) : TokenSpans.of(file, offending);

        if (at == 0 && (expected == null || !expected.contains(offending.getType()))) {
            return error(where, "a statement cannot start with " + show(offending), "");
        }
        if (expected == null && ended && opener != null) {
            return error(where, "expected '" + closerText(opener) + "' to close " + what(opener) + " opened at "
                    + opener.getLine() + ":" + (opener.getCharPositionInLine() + 1), "");
        }
        if (expected == null) {
            String message = (ended ? "unexpected end of the statement" : "unexpected " + show(offending))
                    + (previous == null ? "" : " after " + show(previous))
                    + (opener == null ? "" : " in " + what(opener));
            return error(where, message, statementHint());
        }
        if (opener != null && expected.contains(closerOf(opener))
                && (ended || isCloser(offending.getType()))) {
            String message = "expected '" + closerText(opener) + "' to close " + what(opener) + " opened at "
                    + opener.getLine() + ":" + (opener.getCharPositionInLine() + 1)
                    + (ended ? "" : ", found " + show(offending));
            return error(where, message, "");
        }
        if (opener == null && isCloser(offending.getType())) {
            return error(where, "unexpected " + show(offending) + " with nothing open to close", "");
        }
        String message = "expected " + describe(expected)
                + (previous == null || previous.getType() == PrecLexer.NL ? "" : " after " + show(previous))
                + (opener == null ? "" : " in " + what(opener))
                + (ended ? "" : ", found " + show(offending));
        String hint = hint(previous, offending, expected);
        return error(where, message, hint.isEmpty() && at == 1 ? statementHint() : hint);
    }

    private Diagnostic error(Span span, String message, String hint) {
        return Diagnostic.error(span, "syntax", message, hint);
    }

    /** "an expression", "',' or ')'", "an operator or the end of the statement". */
    static String describe(IntervalSet expected) {
        List<String> parts = new ArrayList<>();
        List<Integer> rest = new ArrayList<>(expected.toList());
        if (rest.contains(PrecLexer.NUMBER)) {
            parts.add("an expression");
            rest.removeAll(EXPRESSION_START);
            rest.removeAll(NAMES);
            if (rest.contains(PrecLexer.PLOT)) {
                // 'plot' is only ever expected as a named argument's name: every keyword is, then
                rest.removeIf(SyntaxMessages::isWord);
            }
        } else if (rest.contains(PrecLexer.IDENT)) {
            parts.add("a name");
            rest.removeIf(t -> t == PrecLexer.IDENT || isWord(t));
        }
        if (rest.contains(PrecLexer.PLUS) && rest.contains(PrecLexer.STAR)) {
            parts.add("an operator");
            rest.removeAll(OPERATORS);
        }
        // Inside {...} a line break or ';' separates fields; at the top level they end the statement.
        boolean end = rest.contains(Token.EOF);
        boolean lineBreak = !end && rest.contains(PrecLexer.NL);
        rest.removeIf(t -> t == Token.EOF || t == PrecLexer.NL || t == PrecLexer.SEMI && (end || lineBreak));
        rest.removeIf(t -> t == Token.EPSILON);
        List<String> words = rest.stream().map(SyntaxMessages::expectedToken).toList();
        parts.addAll(words.size() <= 5 ? words : words.subList(0, 5));
        if (end) {
            parts.add("the end of the statement");
        } else if (lineBreak) {
            parts.add("a line break");
        }
        if (parts.isEmpty()) {
            return "something else";
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.getLast();
    }

    private static String expectedToken(int type) {
        return switch (type) {
            case PrecLexer.NUMBER -> "a number";
            case PrecLexer.STRING -> "a string";
            case PrecLexer.IDENT -> "a name";
            default -> VOCABULARY.getLiteralName(type) != null ? VOCABULARY.getLiteralName(type)
                    : VOCABULARY.getDisplayName(type).toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** "did you mean 'on'?" when {@code offending} is a name close to a keyword that was expected. */
    private static String hint(Token previous, Token offending, IntervalSet expected) {
        if (offending.getType() == PrecLexer.ASSIGN && expected.contains(PrecLexer.EQ)) {
            return "to compare, write '=='";
        }
        if (COMPARISONS.contains(offending.getType()) && !expected.contains(offending.getType())) {
            return "comparisons do not chain: write 'a < b and b < c'";
        }
        if (offending.getType() != PrecLexer.IDENT) {
            return "";
        }
        if (previous != null && previous.getType() == PrecLexer.NUMBER && offending.getText().matches("[KMBT]")) {
            return "write the scale right after the digits: " + previous.getText() + offending.getText();
        }
        List<String> keywords = expected.toList().stream()
                .filter(SyntaxMessages::isWord)
                .map(t -> VOCABULARY.getLiteralName(t).replace("'", ""))
                .toList();
        return Suggestions.hint(offending.getText(), keywords);
    }

    /** For an unparsable statement starting with a name: the statement keyword it may misspell. */
    private String statementHint() {
        Token first = tokens.getFirst();
        return first.getType() == PrecLexer.IDENT ? Suggestions.hint(first.getText(), STATEMENT_WORDS) : "";
    }

    private static boolean isWord(int type) {
        String literal = VOCABULARY.getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    private int indexOf(Token t) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == t) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** The innermost bracket opened before token {@code end} and not yet closed. */
    private Token innermostOpen(int end) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < end; i++) {
            Token t = tokens.get(i);
            switch (t.getType()) {
                case PrecLexer.LPAREN, PrecLexer.LBRACK, PrecLexer.LBRACE -> open.push(t);
                case PrecLexer.RPAREN, PrecLexer.RBRACK, PrecLexer.RBRACE -> {
                    if (!open.isEmpty() && closerOf(open.peek()) == t.getType()) {
                        open.pop();
                    }
                }
                default -> { }
            }
        }
        return open.peek();
    }

    /** What a bracket opens, in words: "the call to 'fit'", "the list", "the body of law 'mine'". */
    private String what(Token opener) {
        int i = indexOf(opener);
        Token before = i > 0 ? tokens.get(i - 1) : null;
        int beforeType = before == null ? -1 : before.getType();
        return switch (opener.getType()) {
            case PrecLexer.LPAREN -> {
                if (i >= 2 && tokens.get(i - 2).getType() == PrecLexer.LAW) {
                    yield "the variables of law '" + before.getText() + "'";
                }
                if (before != null && (beforeType == PrecLexer.IDENT || NAMES.contains(beforeType))) {
                    yield "the call to '" + before.getText() + "'";
                }
                yield beforeType == PrecLexer.RPAREN || beforeType == PrecLexer.RBRACK ? "the call" : "the parentheses";
            }
            case PrecLexer.LBRACK -> beforeType == PrecLexer.IDENT || NAMES.contains(beforeType)
                    || beforeType == PrecLexer.RPAREN || beforeType == PrecLexer.RBRACK ? "the index" : "the list";
            default -> tokens.getFirst().getType() == PrecLexer.LAW && beforeType == PrecLexer.RPAREN
                    ? "the body of law '" + tokens.get(1).getText() + "'" : "the record";
        };
    }

    private static boolean isEnd(Token t) {
        return t.getType() == Token.EOF;
    }

    private static boolean isCloser(int type) {
        return type == PrecLexer.RPAREN || type == PrecLexer.RBRACK || type == PrecLexer.RBRACE;
    }

    private static int closerOf(Token opener) {
        return switch (opener.getType()) {
            case PrecLexer.LPAREN -> PrecLexer.RPAREN;
            case PrecLexer.LBRACK -> PrecLexer.RBRACK;
            default -> PrecLexer.RBRACE;
        };
    }

    private static String closerText(Token opener) {
        return switch (opener.getType()) {
            case PrecLexer.LPAREN -> ")";
            case PrecLexer.LBRACK -> "]";
            default -> "}";
        };
    }

    /** A token as a message shows it: {@code 'to'}, "the end of the line", the start of a long string. */
    static String show(Token t) {
        if (t.getType() == Token.EOF) {
            return "the end of the statement";
        }
        if (t.getType() == PrecLexer.NL) {
            return "the end of the line";
        }
        String text = t.getText();
        if (text.length() > 24) {
            text = text.substring(0, 20) + "...";
        }
        return t.getType() == PrecLexer.STRING ? "the string " + text : "'" + text + "'";
    }
}
