package dev.prec.lang.diag;

import java.util.List;

/**
 * Shows diagnostics to a person: the one place where found problems become text. For each diagnostic
 * <pre>
 * runs.prec:3:24: error: unknown name 'widht'
 *     3 | model m = small with { widht: 64 }
 *       |                        ^~~~~
 * hint: did you mean 'width'?
 * </pre>
 * The caret line copies the tabs of the source line so that it stays aligned in a terminal; a span
 * running over several lines is underlined to the end of its first line. A diagnostic whose span
 * belongs to another file, or lies past the end of the text, is shown without the source excerpt.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {
    }

    /**
     * One diagnostic as text, lines separated by '\n', with a trailing newline.
     *
     * @param diagnostic the diagnostic
     * @param source the file its span points into
     */
    public static String render(Diagnostic diagnostic, SourceFile source) {
        Span span = diagnostic.span();
        StringBuilder out = new StringBuilder();
        out.append(span.file()).append(':').append(span.line()).append(':').append(span.column()).append(": ")
                .append(diagnostic.isError() ? "error" : "warning").append(": ").append(diagnostic.message()).append('\n');
        if (span.file().equals(source.name()) && span.line() <= source.lineCount()) {
            String line = source.line(span.line());
            String number = String.valueOf(span.line());
            String gutter = " ".repeat(Math.max(4, number.length() + 1));
            out.append(gutter, 0, gutter.length() - number.length()).append(number).append(" | ").append(line).append('\n');
            out.append(gutter).append(" | ").append(caret(line, span)).append('\n');
        }
        if (!diagnostic.hint().isEmpty()) {
            out.append("hint: ").append(diagnostic.hint()).append('\n');
        }
        return out.toString();
    }

    /**
     * Several diagnostics, in the given order, followed by a count line such as {@code 3 errors}.
     *
     * @param diagnostics the diagnostics, usually a sink's {@link DiagnosticSink#all()}
     * @param source the file their spans point into
     */
    public static String render(List<Diagnostic> diagnostics, SourceFile source) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(render(d, source));
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        if (errors > 0) {
            out.append(errors).append(errors == 1 ? " error" : " errors");
        }
        if (warnings > 0) {
            out.append(errors > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return diagnostics.isEmpty() ? "" : out.append('\n').toString();
    }

    /** The underline: spaces (and the line's own tabs) up to the column, '^', then '~' to the span's end. */
    static String caret(String line, Span span) {
        StringBuilder out = new StringBuilder();
        int start = span.column() - 1;
        for (int i = 0; i < start; i++) {
            out.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int end = span.endLine() == span.line() ? span.endColumn() - 1 : Math.max(line.length(), start + 1);
        int width = Math.max(1, end - start);
        return out.append('^').append("~".repeat(width - 1)).toString();
    }
}
