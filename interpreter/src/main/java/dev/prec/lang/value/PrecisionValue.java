package dev.prec.lang.value;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A training (and post-training) precision: a quantizer per tensor role. Roles left out stay in
 * the high-precision baseline, bf16, as in the paper.
 *
 * @param parts the quantizer of each role that is set
 */
public record PrecisionValue(Map<Role, QuantValue> parts) implements Value {

    /** Bits of a role left unset: the paper's bf16 baseline. */
    public static final int BASELINE_BITS = 16;

    /** The tensors a quantizer can apply to. */
    public enum Role {
        WEIGHTS, ACTIVATIONS, KV, POST;

        /** The field name a script writes: {@code weights}, {@code activations}, {@code kv}, {@code post}. */
        public String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> byField(String field) {
            for (Role r : values()) {
                if (r.field().equals(field)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    public PrecisionValue {
        EnumMap<Role, QuantValue> copy = new EnumMap<>(Role.class);
        copy.putAll(parts);
        parts = Collections.unmodifiableMap(copy);
    }

    /** One quantizer for weights, activations and KV cache: what a bare {@code int(8)} or {@code bf16} means. */
    public static PrecisionValue uniform(QuantValue q) {
        return new PrecisionValue(Map.of(Role.WEIGHTS, q, Role.ACTIVATIONS, q, Role.KV, q));
    }

    public Optional<QuantValue> part(Role role) {
        return Optional.ofNullable(parts.get(role));
    }

    /** Bits of {@code role}: its format's width, or {@link #BASELINE_BITS} when unset. */
    public int bits(Role role) {
        return part(role).map(q -> q.format().bits()).orElse(BASELINE_BITS);
    }

    /**
     * The precision P of the cost model C = (6/16) N D P: the widest of weights, activations and
     * KV cache, since a matmul runs at the width of its wider operand.
     */
    public int bits() {
        return Math.max(bits(Role.WEIGHTS), Math.max(bits(Role.ACTIVATIONS), bits(Role.KV)));
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.PRECISION);
    }
}
