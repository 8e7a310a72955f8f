package dev.prec.lang.parse;

import dev.prec.grammar.PrecLexer;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Cuts a script's tokens into statements and decides which newlines the parser sees.
 *
 * <p>A newline ends a statement unless it is inside {@code (...)} or {@code [...]}, follows a token
 * that cannot end a statement, or precedes a token that cannot start one. Inside {@code {...}} a
 * newline that would end a statement is kept as a separator of record fields and law lines. A
 * statement keyword in column 1 while a bracket is still open starts a new statement, so an unclosed
 * bracket costs one statement, not the rest of the file. Lexical errors (unknown characters, unclosed
 * strings and comments) are reported here, one per statement, and such statements are not parsed:
 * the parser would only report the same mistake again in worse words.
 */
final class StatementSplitter {

    /** Tokens after which a line cannot end a statement. */
    static final Set<Integer> CONTINUES_AFTER = Set.of(
            PrecLexer.PLUS, PrecLexer.MINUS, PrecLexer.STAR, PrecLexer.SLASH, PrecLexer.CARET,
            PrecLexer.EQ, PrecLexer.NE, PrecLexer.LT, PrecLexer.LE, PrecLexer.GT, PrecLexer.GE,
            PrecLexer.ASSIGN, PrecLexer.COMMA, PrecLexer.COLON, PrecLexer.DOTDOT, PrecLexer.LPAREN, PrecLexer.LBRACK, PrecLexer.LBRACE,
            PrecLexer.AND, PrecLexer.OR, PrecLexer.NOT, PrecLexer.IN, PrecLexer.BETWEEN, PrecLexer.BY,
            PrecLexer.ON, PrecLexer.WITH, PrecLexer.TO, PrecLexer.USING, PrecLexer.WHERE, PrecLexer.AGAINST,
            PrecLexer.FOR, PrecLexer.AT);

    /** Tokens before which a line break does not end a statement. */
    private static final Set<Integer> CONTINUES_BEFORE = Set.of(
            PrecLexer.RPAREN, PrecLexer.RBRACK, PrecLexer.RBRACE, PrecLexer.DOT, PrecLexer.DOTDOT,
            PrecLexer.PLUS, PrecLexer.STAR, PrecLexer.SLASH, PrecLexer.CARET, PrecLexer.COMMA,
            PrecLexer.EQ, PrecLexer.NE, PrecLexer.LT, PrecLexer.LE, PrecLexer.GT, PrecLexer.GE, PrecLexer.ASSIGN,
            PrecLexer.AND, PrecLexer.OR, PrecLexer.IN, PrecLexer.BETWEEN, PrecLexer.BY,
            PrecLexer.ON, PrecLexer.WITH, PrecLexer.TO, PrecLexer.USING, PrecLexer.WHERE, PrecLexer.AGAINST,
            PrecLexer.FOR, PrecLexer.AT);

    /** Keywords that, in column 1, start a new statement even inside an unclosed bracket. */
    private static final Set<Integer> STATEMENT_KEYWORDS = Set.of(
            PrecLexer.DATA, PrecLexer.MODEL, PrecLexer.FORMAT, PrecLexer.PRECISION, PrecLexer.SWEEP,
            PrecLexer.LAW, PrecLexer.FN, PrecLexer.PRINT, PrecLexer.PLOT, PrecLexer.EXPORT, PrecLexer.REPORT,
            PrecLexer.ASSERT);

    private final SourceFile source;
    private final List<Token> tokens;
    /** For each token index, the index of the first significant token after it (EOF's at the end). */
    private final int[] nextSignificant;
    private final List<Piece> statements = new ArrayList<>();

    private List<Token> current = new ArrayList<>();
    private final Deque<Token> open = new ArrayDeque<>();
    private Diagnostic lexicalError;

    /**
     * One statement: its tokens ending in an EOF token placed just after it, or the lexical error that
     * keeps it from being parsed.
     *
     * @param tokens the statement's significant tokens and newline separators, then EOF; empty on error
     * @param lexicalError the first lexical error in the statement, if any
     */
    record Piece(List<Token> tokens, Optional<Diagnostic> lexicalError) {
        Piece {
            tokens = List.copyOf(tokens);
        }
    }

    private StatementSplitter(SourceFile source) {
        this.source = source;
        PrecLexer lexer = new PrecLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        this.tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.nextToken();
            tokens.add(t);
        } while (t.getType() != Token.EOF);
        // computed once, backwards, so that looking ahead from every line break stays linear
        this.nextSignificant = new int[tokens.size()];
        int next = tokens.size() - 1;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            nextSignificant[i] = next;
            Token n = tokens.get(i);
            if (n.getChannel() == Token.DEFAULT_CHANNEL && n.getType() != PrecLexer.NL) {
                next = i;
            }
        }
    }

    /** The statements of {@code source}, in order. */
    static List<Piece> split(SourceFile source) {
        StatementSplitter s = new StatementSplitter(source);
        s.run();
        return s.statements;
    }

    private void run() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (type == Token.EOF) {
                finish(t);
                return;
            }
            if (type == PrecLexer.BLOCK_COMMENT && (t.getText().length() < 4 || !t.getText().endsWith("*/"))) {
                finish(t);
                lexicalError("this comment is not closed: '/*' needs a matching '*/'", "", t);
                finish(t);
                return;
            }
            boolean lineBreak = type == PrecLexer.NL
                    || type == PrecLexer.BLOCK_COMMENT && t.getText().indexOf('\n') >= 0;
            if (lineBreak) {
                newline(t, i);
            } else if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            } else if (type == PrecLexer.SEMI && open.isEmpty()) {
                finish(t);
            } else {
                significant(t, i);
            }
        }
    }

    private void newline(Token t, int index) {
        if (current.isEmpty() || !open.isEmpty() && open.peek().getType() != PrecLexer.LBRACE) {
            return;
        }
        Token next = nextSignificant(index);
        if (open.isEmpty() && next.getCharPositionInLine() == 0 && startsStatement(next, nextSignificant[index])) {
            finish(t);
            return;
        }
        Token last = current.getLast();
        boolean memberName = current.size() > 1 && current.get(current.size() - 2).getType() == PrecLexer.DOT;
        if (last.getType() == PrecLexer.NL || CONTINUES_AFTER.contains(last.getType()) && !memberName) {
            return;
        }
        if (next.getType() == Token.EOF || CONTINUES_BEFORE.contains(next.getType())) {
            return;
        }
        if (open.isEmpty()) {
            finish(t);
        } else {
            CommonToken separator = new CommonToken(t);
            separator.setType(PrecLexer.NL);
            separator.setChannel(Token.DEFAULT_CHANNEL);
            current.add(separator);
        }
    }

    private void significant(Token t, int index) {
        int type = t.getType();
        if (!open.isEmpty() && t.getCharPositionInLine() == 0 && startsStatement(t, index)) {
            finish(t);
        }
        switch (type) {
            case PrecLexer.ERROR_CHAR -> lexicalError(unknownCharacter(t.getText()), characterHint(t.getText()), t);
            case PrecLexer.UNTERMINATED_STRING ->
                    lexicalError("this string is not closed: add '\"' before the end of the line", "", t);
            case PrecLexer.LPAREN, PrecLexer.LBRACK, PrecLexer.LBRACE -> open.push(t);
            case PrecLexer.RPAREN, PrecLexer.RBRACK, PrecLexer.RBRACE -> close(type);
            default -> { }
        }
        current.add(t);
    }

    /** Pops the bracket {@code closer} closes, and any left unclosed inside it; a stray closer pops nothing. */
    private void close(int closer) {
        int opener = switch (closer) {
            case PrecLexer.RPAREN -> PrecLexer.LPAREN;
            case PrecLexer.RBRACK -> PrecLexer.LBRACK;
            default -> PrecLexer.LBRACE;
        };
        if (open.stream().noneMatch(o -> o.getType() == opener)) {
            return;
        }
        while (open.pop().getType() != opener) {
            // an inner bracket left open; the parser reports it
        }
    }

    /**
     * Whether {@code t}, in column 1 while a bracket is open or after a line that seemed to go on, must
     * start a new statement: a statement keyword not used as a record key or member, or a name followed
     * by '=' (outside a law's body, the only place where such a line is valid inside brackets).
     */
    private boolean startsStatement(Token t, int index) {
        int after = nextSignificant(index).getType();
        if (STATEMENT_KEYWORDS.contains(t.getType())) {
            return after != PrecLexer.COLON && after != PrecLexer.DOT && after != PrecLexer.COMMA
                    && after != PrecLexer.RPAREN && after != PrecLexer.RBRACK && after != PrecLexer.RBRACE;
        }
        return t.getType() == PrecLexer.IDENT && after == PrecLexer.ASSIGN && !insideLawBody();
    }

    /** Whether the innermost open bracket is a '{' right after ')': the body of {@code law name(...)}. */
    private boolean insideLawBody() {
        if (open.isEmpty() || open.peek().getType() != PrecLexer.LBRACE) {
            return false;
        }
        int at = current.indexOf(open.peek());
        return at > 0 && current.get(at - 1).getType() == PrecLexer.RPAREN;
    }

    private Token nextSignificant(int index) {
        return tokens.get(nextSignificant[index]);
    }

    private void lexicalError(String message, String hint, Token t) {
        if (lexicalError == null) {
            lexicalError = Diagnostic.error(TokenSpans.of(source.name(), t), "syntax", message, hint);
        }
    }

    /** Ends the current statement; {@code boundary} is the token after it (newline, ';', EOF, a keyword). */
    private void finish(Token boundary) {
        while (!current.isEmpty() && current.getLast().getType() == PrecLexer.NL) {
            current.removeLast();
        }
        if (lexicalError != null) {
            statements.add(new Piece(List.of(), Optional.of(lexicalError)));
        } else if (!current.isEmpty()) {
            Token last = current.getLast();
            CommonToken eof = new CommonToken(Token.EOF, "");
            var end = TokenSpans.of(source.name(), last);
            eof.setLine(end.endLine());
            eof.setCharPositionInLine(end.endColumn() - 1);
            eof.setStartIndex(last.getStopIndex() + 1);
            eof.setStopIndex(last.getStopIndex());
            current.add(eof);
            statements.add(new Piece(current, Optional.empty()));
        }
        current = new ArrayList<>();
        open.clear();
        lexicalError = null;
    }

    private static String unknownCharacter(String text) {
        int c = text.codePointAt(0);
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "unknown character U+%04X".formatted(c);
        }
        return c == '\'' ? "unknown character \"'\"" : "unknown character '" + text + "'";
    }

    private static String characterHint(String text) {
        return switch (text) {
            case "#" -> "comments start with '//'";
            case "'" -> "strings are written in double quotes";
            case "!" -> "negation is written 'not'";
            case "&", "|" -> "logical operators are written 'and' and 'or'";
            case "%" -> "'%' goes directly after a number: 10%";
            default -> "";
        };
    }
}
