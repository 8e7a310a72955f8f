package dev.prec.lang.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one pipeline run, in the order they were reported. Not thread-safe. */
public final class DiagnosticSink {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public void report(Diagnostic d) {
        diagnostics.add(d);
    }

    public void error(Span span, String code, String message, String hint) {
        report(Diagnostic.error(span, code, message, hint));
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public List<Diagnostic> all() {
        return List.copyOf(diagnostics);
    }
}
