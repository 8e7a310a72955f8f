package dev.prec.lang.eval;

import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.Span;
import dev.prec.lang.engine.Capability;
import java.util.Optional;

/**
 * A failure while a script runs, blamed on a span: a failed assert, a value out of its domain, an
 * engine's error, or a missing engine. Unwinds the evaluator; the pipeline reports it as a diagnostic.
 */
public final class ScriptError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the failure is blamed. */
    private final transient Span span;
    /** The diagnostic code: {@code runtime}, {@code assert}, {@code missing-engine}, {@code cancelled}. */
    private final String code;
    /** The capability whose absence caused this error, when that is the cause. */
    private final transient Capability missing;

    public ScriptError(Span span, String code, String message) {
        this(span, code, message, null);
    }

    private ScriptError(Span span, String code, String message, Capability missing) {
        super(message, null, false, false);
        this.span = span;
        this.code = code;
        this.missing = missing;
    }

    /** The error for {@code action} in a build without {@code capability}. */
    public static ScriptError missing(Span span, String action, Capability capability) {
        return new ScriptError(span, "missing-engine", capability.missingMessage(action), capability);
    }

    public Span span() {
        return span;
    }

    public Optional<Capability> missingCapability() {
        return Optional.ofNullable(missing);
    }

    public Diagnostic toDiagnostic() {
        return Diagnostic.error(span, code, getMessage(), "");
    }
}
