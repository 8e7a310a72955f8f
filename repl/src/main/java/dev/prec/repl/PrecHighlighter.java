package dev.prec.repl;

import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.parse.Lexemes;
import dev.prec.lang.parse.Lexemes.Lexeme;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the input by the language's own lexer: keywords bold blue, built-in functions and
 * constants yellow, numbers cyan, strings green, comments grey, malformed text red; commands bold.
 */
final class PrecHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle BUILTIN = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    /** The styled text of {@code buffer}. */
    AttributedString highlight(String buffer) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        if (ReplCommands.isCommand(buffer)) {
            return b.styled(AttributedStyle.BOLD, buffer).toAttributedString();
        }
        int at = 0;
        for (Lexeme l : Lexemes.of(buffer)) {
            b.append(buffer.substring(at, l.start()));
            String text = buffer.substring(l.start(), l.end());
            b.styled(style(l, text), text);
            at = l.end();
        }
        b.append(buffer.substring(at));
        return b.toAttributedString();
    }

    private static AttributedStyle style(Lexeme l, String text) {
        return switch (l.kind()) {
            case KEYWORD -> KEYWORD;
            case NAME -> Builtins.function(text).isPresent() || Builtins.constant(text).isPresent()
                    ? BUILTIN : AttributedStyle.DEFAULT;
            case NUMBER -> NUMBER;
            case STRING -> STRING;
            case COMMENT -> COMMENT;
            case ERROR -> ERROR;
            case OPERATOR -> AttributedStyle.DEFAULT;
        };
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // JLine's error marking serves readers without a lexer; malformed prec text is already red
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // as above: the lexer finds malformed text, so JLine's error position adds nothing
    }
}
