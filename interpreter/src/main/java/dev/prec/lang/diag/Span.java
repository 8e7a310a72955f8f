package dev.prec.lang.diag;

/**
 * A region of a source file, 1-based lines and columns, inclusive start and exclusive end column.
 *
 * @param file the file name as shown to the user (a path, or {@code <repl>}, {@code <string>})
 * @param line first line, {@code line >= 1}
 * @param column first column, {@code column >= 1}
 * @param endLine last line, {@code endLine >= line}
 * @param endColumn column just past the region on {@code endLine}
 */
public record Span(String file, int line, int column, int endLine, int endColumn) {

    /** A span for values that do not come from a script (host variables, built-ins). */
    public static final Span NONE = new Span("<none>", 1, 1, 1, 1);

    public Span {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        line = Math.max(1, line);
        column = Math.max(1, column);
        endLine = Math.max(line, endLine);
        endColumn = endLine == line ? Math.max(column, endColumn) : Math.max(1, endColumn);
    }

    /** The smallest span covering this one and {@code other} (same file assumed). */
    public Span to(Span other) {
        return new Span(file, line, column, other.endLine, other.endColumn);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
