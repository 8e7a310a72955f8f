package dev.prec.lang.diag;

/**
 * A script's text and the name it is shown under. Lines end at '\n' (a '\r' before it is dropped),
 * the convention the lexer counts lines by.
 *
 * @param name path or pseudo-name ({@code <repl>}, {@code <string>})
 * @param text the whole source text
 */
public record SourceFile(String name, String text) {
    public SourceFile {
        if (name == null || text == null) {
            throw new IllegalArgumentException("name and text are required");
        }
    }

    /** Line {@code n} (1-based) without its terminator, or "" past the end. */
    public String line(int n) {
        int start = 0;
        for (int i = 1; i < n; i++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        if (n < 1 || start > text.length()) {
            return "";
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The number of lines: one more than the number of '\n' characters. */
    public int lineCount() {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }
}
