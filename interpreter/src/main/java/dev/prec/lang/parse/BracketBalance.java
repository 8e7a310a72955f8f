package dev.prec.lang.parse;

import dev.prec.grammar.PrecLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Whether a text ends inside an open bracket or block comment, or after a token that cannot end a
 * statement ({@code x = 1 +}); the REPL asks before parsing what it has read.
 */
final class BracketBalance {
    private BracketBalance() {
    }

    static boolean isIncomplete(String text) {
        PrecLexer lexer = new PrecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        int depth = 0;
        Token last = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            switch (t.getType()) {
                case PrecLexer.NL, PrecLexer.WS, PrecLexer.LINE_COMMENT -> {
                    continue;
                }
                case PrecLexer.BLOCK_COMMENT -> {
                    if (t.getText().length() < 4 || !t.getText().endsWith("*/")) {
                        return true;
                    }
                    continue;
                }
                case PrecLexer.LPAREN, PrecLexer.LBRACK, PrecLexer.LBRACE -> depth++;
                case PrecLexer.RPAREN, PrecLexer.RBRACK, PrecLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            last = t;
        }
        return depth > 0 || last != null && StatementSplitter.CONTINUES_AFTER.contains(last.getType());
    }
}
