package dev.prec.repl;

import dev.prec.lang.parse.Lexemes;
import dev.prec.lang.parse.Lexemes.Kind;
import dev.prec.lang.parse.Lexemes.Lexeme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The call being typed at the cursor: the function's name and the named arguments already given,
 * found from the lexemes before the cursor by walking back to the innermost unclosed {@code (}.
 *
 * @param function the name before the open bracket
 * @param givenNames named arguments already written in this call ({@code name:}), in order
 */
public record CallSite(String function, List<String> givenNames) {
    public CallSite {
        if (function == null || function.isEmpty()) {
            throw new IllegalArgumentException("a call site needs the function's name");
        }
        givenNames = List.copyOf(givenNames);
    }

    /** The innermost call open at the end of {@code before} (the text left of the cursor), if any. */
    public static Optional<CallSite> at(String before) {
        List<Lexeme> lexemes = Lexemes.of(before);
        int depth = 0;
        List<String> given = new ArrayList<>();
        for (int i = lexemes.size() - 1; i >= 0; i--) {
            String text = text(before, lexemes.get(i));
            switch (text) {
                case ")", "]", "}" -> depth++;
                case "[", "{" -> depth = Math.max(0, depth - 1);
                case "(" -> {
                    if (depth == 0) {
                        if (i > 0 && lexemes.get(i - 1).kind() == Kind.NAME) {
                            return Optional.of(new CallSite(text(before, lexemes.get(i - 1)), given.reversed()));
                        }
                        return Optional.empty();
                    }
                    depth--;
                }
                case ":" -> {
                    if (depth == 0 && i > 0 && lexemes.get(i - 1).kind() == Kind.NAME) {
                        given.add(text(before, lexemes.get(i - 1)));
                    }
                }
                default -> { }
            }
        }
        return Optional.empty();
    }

    private static String text(String s, Lexeme l) {
        return s.substring(l.start(), l.end());
    }
}
