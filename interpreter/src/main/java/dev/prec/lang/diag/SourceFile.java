package dev.prec.lang.diag;

import java.util.List;

/**
 * A script's text and the name it is shown under.
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
        List<String> lines = text.lines().toList();
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }
}
