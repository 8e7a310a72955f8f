package dev.prec.lang.diag;

/**
 * One problem found in a script: where, what, and what to do. Phases report diagnostics into a
 * {@link DiagnosticSink}; they never print or exit. {@code DiagnosticRenderer} turns them into
 * {@code file:line:col: message}, the source line, a caret and the hint.
 *
 * @param severity error or warning
 * @param span where the problem is
 * @param code a short stable identifier (e.g. {@code syntax}, {@code unknown-name}, {@code type})
 * @param message one sentence naming the thing and what is wrong
 * @param hint what to do, e.g. "did you mean 'width'?"; empty when there is nothing to add
 */
public record Diagnostic(Severity severity, Span span, String code, String message, String hint) {

    /** How serious a diagnostic is: errors stop a script before it runs, warnings do not. */
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        if (severity == null || span == null || code == null || message == null) {
            throw new IllegalArgumentException("severity, span, code and message are required");
        }
        hint = hint == null ? "" : hint;
    }

    public static Diagnostic error(Span span, String code, String message, String hint) {
        return new Diagnostic(Severity.ERROR, span, code, message, hint);
    }

    public static Diagnostic warning(Span span, String code, String message, String hint) {
        return new Diagnostic(Severity.WARNING, span, code, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
