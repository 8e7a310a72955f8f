package dev.prec.embed;

import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.SourceFile;
import java.util.List;

/**
 * A script that did not check or failed while running. The message is what the {@code prec}
 * command would print: each problem as {@code file:line:col: error: ...}, the source line, a caret
 * and a hint.
 */
public final class PrecException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Every problem found, in order; never empty. */
    private final transient List<Diagnostic> diagnostics;

    PrecException(List<Diagnostic> diagnostics, SourceFile source) {
        super(DiagnosticRenderer.render(diagnostics, source).stripTrailing());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first error, the one a caller most likely wants to show. */
    public Diagnostic first() {
        return diagnostics.stream().filter(Diagnostic::isError).findFirst().orElse(diagnostics.getFirst());
    }
}
