package dev.prec.lang.check;

import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.Span;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.value.Type;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** What every part of one check shares: where errors go and which engines the script needs. */
final class CheckContext {
    private final DiagnosticSink sink;
    private final Set<Capability> needs = EnumSet.noneOf(Capability.class);

    CheckContext(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** Reports an error and returns the error type, so callers can {@code return ctx.error(...)}. */
    Type error(Span span, String code, String message, String hint) {
        sink.error(span, code, message, hint);
        return Type.ERROR;
    }

    Type unknown(Span span, String what, String word, Collection<String> candidates) {
        return error(span, "unknown-" + what, "unknown " + what + " '" + word + "'", Hints.didYouMean(word, candidates));
    }

    void need(Capability c) {
        needs.add(c);
    }

    Set<Capability> needs() {
        return needs;
    }

    /**
     * Checks that {@code actual} may stand where {@code expected} is wanted; reports a unit error
     * (both numbers) or a type error otherwise.
     *
     * @param what names the slot in the message, e.g. "argument 'vocab' of synthetic"
     * @return true when accepted
     */
    boolean expect(Type expected, Type actual, Span span, String what) {
        if (expected.accepts(actual)) {
            return true;
        }
        if (numberIn(expected) instanceof Type.Num e && numberIn(actual) instanceof Type.Num a) {
            error(span, "unit", what + " must be a " + e.describe() + ", not " + a.unit().word(),
                    "write the number with the unit " + e.unit().word());
        } else {
            error(span, "type", what + " must be a " + expected.describe() + ", not a " + actual.describe(), "");
        }
        return false;
    }

    private static Type numberIn(Type t) {
        return t instanceof Type.ListOf l ? l.element() : t;
    }
}
