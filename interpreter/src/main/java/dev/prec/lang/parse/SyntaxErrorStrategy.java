package dev.prec.lang.parse;

import dev.prec.lang.diag.DiagnosticSink;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Panic mode for one statement: the first syntax error is reported in plain words and parsing of the
 * statement stops ({@link ParseCancellationException}); the caller moves on to the next statement.
 * ANTLR's single-token insertion and deletion are not used: a guessed repair would produce a tree the
 * script's author did not write, and then cascading errors about it.
 *
 * <p>The expected tokens of a mismatch are taken from the innermost point where the input could
 * have gone on, at the offending token's position: after {@code b} in {@code a where b = 3} that is
 * inside {@code b}'s expression, where '==' would have been accepted, not the end of the statement
 * where the parser noticed the error.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    private final SyntaxMessages messages;
    private final DiagnosticSink sink;
    private boolean reported;

    /** The innermost rule context and state at which the token at {@link #recordedAt} could have followed. */
    private ParserRuleContext recordedContext;
    private int recordedState = ATNState.INVALID_STATE_NUMBER;
    private int recordedAt = -1;

    SyntaxErrorStrategy(SyntaxMessages messages, DiagnosticSink sink) {
        this.messages = messages;
        this.sink = sink;
    }

    @Override
    public void sync(Parser recognizer) {
        int index = recognizer.getInputStream().index();
        IntervalSet next = recognizer.getATN().nextTokens(
                recognizer.getInterpreter().atn.states.get(recognizer.getState()));
        if (next.contains(recognizer.getInputStream().LA(1))) {
            return;
        }
        if (next.contains(Token.EPSILON)) {
            if (recordedAt != index) {
                recordedContext = recognizer.getContext();
                recordedState = recognizer.getState();
                recordedAt = index;
            }
            return;
        }
        throw mismatch(recognizer);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        InputMismatchException e = mismatch(recognizer);
        reportError(recognizer, e);
        throw new ParseCancellationException(e);
    }

    private InputMismatchException mismatch(Parser recognizer) {
        return recordedAt == recognizer.getInputStream().index()
                ? new InputMismatchException(recognizer, recordedState, recordedContext)
                : new InputMismatchException(recognizer);
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (reported) {
            return;
        }
        reported = true;
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        sink.report(messages.describe(offending, e instanceof NoViableAltException ? null : e.getExpectedTokens()));
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }
}
