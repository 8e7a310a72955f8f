package dev.prec.lang.builtin;

import dev.prec.lang.engine.Capability;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Value;
import java.util.Optional;

/**
 * A built-in function: its signature, the engine it needs (if any) and its implementation.
 *
 * @param signature name, parameters, result type
 * @param needs the capability the evaluator must find before calling it; empty for pure functions
 * @param impl the computation
 */
public record Builtin(Signature signature, Optional<Capability> needs, Impl impl) {

    /** The computation of a built-in from its bound arguments. */
    @FunctionalInterface
    public interface Impl {
        /**
         * @param args one field per parameter, in signature order, defaults filled in, types checked
         * @param context engines and the script's directory
         * @return the result, of the signature's result type
         * @throws IllegalArgumentException when an argument is outside its domain; the message says which
         */
        Value call(RecordValue args, CallContext context);
    }

    public Builtin {
        if (signature == null || needs == null || impl == null) {
            throw new IllegalArgumentException("signature, needs and impl are required");
        }
    }

    public String name() {
        return signature.name();
    }
}
