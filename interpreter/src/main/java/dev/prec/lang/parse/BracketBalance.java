package dev.prec.lang.parse;

import dev.prec.grammar.PrecLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** Whether a text ends inside an open construct; the REPL asks before parsing a line. */
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
                case PrecLexer.LPAREN, PrecLexer.LBRACK, PrecLexer.LBRACE -> depth++;
                case PrecLexer.RPAREN, PrecLexer.RBRACK, PrecLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            last = t;
        }
        boolean openComment = last != null && last.getType() == PrecLexer.BLOCK_COMMENT
                && (last.getText().length() < 4 || !last.getText().endsWith("*/"));
        return depth > 0 || openComment;
    }
}
