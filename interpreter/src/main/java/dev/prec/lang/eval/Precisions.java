package dev.prec.lang.eval;

import dev.prec.lang.diag.Span;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Value;
import java.util.EnumMap;
import java.util.Map;

/** Turning what a script writes in a precision's place into a {@link PrecisionValue}. */
final class Precisions {
    private Precisions() {
    }

    /**
     * A format or quantizer means "this for weights, activations and KV cache"; a record sets parts
     * by role ({@code weights}, {@code activations}, {@code kv}, {@code post}).
     *
     * @throws ScriptError if {@code v} is none of these or a record has an unknown part
     */
    static PrecisionValue of(Value v, Span at) {
        return switch (v) {
            case PrecisionValue p -> p;
            case FormatValue f -> PrecisionValue.uniform(QuantValue.of(f));
            case QuantValue q -> PrecisionValue.uniform(q);
            case RecordValue r -> new PrecisionValue(parts(r, at));
            default -> throw new ScriptError(at, "type", "expected a precision, got a " + v.type().describe());
        };
    }

    /** The parts a record sets, each a quantizer. */
    static Map<PrecisionValue.Role, QuantValue> parts(RecordValue r, Span at) {
        Map<PrecisionValue.Role, QuantValue> parts = new EnumMap<>(PrecisionValue.Role.class);
        r.fields().forEach((k, x) -> {
            PrecisionValue.Role role = PrecisionValue.Role.byField(k).orElseThrow(() ->
                    new ScriptError(at, "unknown-field", "a precision has no part '" + k + "'"));
            parts.put(role, quant(x, at));
        });
        return parts;
    }

    static QuantValue quant(Value v, Span at) {
        return switch (v) {
            case QuantValue q -> q;
            case FormatValue f -> QuantValue.of(f);
            default -> throw new ScriptError(at, "type", "expected a number format, got a " + v.type().describe());
        };
    }
}
