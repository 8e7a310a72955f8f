package dev.prec.repl;

import dev.prec.lang.parse.Lexemes;
import dev.prec.lang.parse.Lexemes.Kind;
import dev.prec.lang.parse.Lexemes.Lexeme;
import dev.prec.lang.parse.Parser;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;

/**
 * JLine's view of the input: on Enter, an input with an open bracket or block (or ending after an
 * operator) is incomplete, so JLine reads a continuation line; for completion, the word at the
 * cursor is the name being typed, or the path being typed when the cursor is inside a string.
 */
final class InputParser implements org.jline.reader.Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !ReplCommands.isCommand(line) && Parser.isIncomplete(line)) {
            throw new EOFError(-1, -1, "the input continues", "more");
        }
        String before = line.substring(0, cursor);
        int start = wordStart(before);
        return new Word(line, cursor, start);
    }

    /** Where the word under completion starts: after the opening quote inside a string, else at the name. */
    static int wordStart(String before) {
        List<Lexeme> lexemes = Lexemes.of(before);
        if (!lexemes.isEmpty()) {
            Lexeme last = lexemes.getLast();
            if (last.end() == before.length() && last.kind() == Kind.ERROR && before.charAt(last.start()) == '"') {
                return last.start() + 1;
            }
        }
        int i = before.length();
        while (i > 0 && (Character.isLetterOrDigit(before.charAt(i - 1)) || before.charAt(i - 1) == '_'
                || before.charAt(i - 1) == ':' && i - 1 == 0)) {
            i--;
        }
        return i;
    }

    /** Whether the word at the cursor is inside an unclosed string (a path). */
    static boolean inString(String before, int wordStart) {
        return wordStart > 0 && before.charAt(wordStart - 1) == '"' && wordStart(before) == wordStart
                && !Lexemes.of(before).isEmpty() && Lexemes.of(before).getLast().kind() == Kind.ERROR;
    }

    /** The line split at the word being completed; candidates are inserted unescaped. */
    private record Word(String line, int cursor, int start) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(start, cursor);
        }

        @Override
        public int wordCursor() {
            return cursor - start;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
