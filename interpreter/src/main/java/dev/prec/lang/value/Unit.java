package dev.prec.lang.value;

import java.util.Locale;
import java.util.Optional;

/**
 * Units a number may carry, there to catch the classic mistakes (a FLOP budget given in tokens,
 * bit-FLOPs mistaken for FLOPs). {@link #NONE} is a plain number; it is accepted wherever a unit is
 * expected, while a different unit is an error.
 */
public enum Unit {
    NONE(""),
    TOKENS("tokens"),
    PARAMS("params"),
    FLOPS("flops"),
    BITFLOPS("bitflops"),
    BITS("bits");

    private final String word;

    Unit(String word) {
        this.word = word;
    }

    /** The unit as written in a script ("tokens"), or "" for a plain number. */
    public String word() {
        return word;
    }

    /** The unit spelled {@code word} in a script, case-insensitive; empty when there is none. */
    public static Optional<Unit> byWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Unit u : values()) {
            if (u != NONE && u.word.equals(w)) {
                return Optional.of(u);
            }
        }
        // The singular reads naturally in "1 bit" or "1 token".
        for (Unit u : values()) {
            if (u != NONE && u.word.equals(w + "s")) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** True when a value in unit {@code actual} may stand where this unit is expected. */
    public boolean accepts(Unit actual) {
        return this == NONE || actual == NONE || this == actual;
    }

    /** The unit of {@code a + b} or {@code a - b}: the one that is not NONE; empty when they clash. */
    public static Optional<Unit> ofSum(Unit a, Unit b) {
        if (a == b || b == NONE) {
            return Optional.of(a);
        }
        return a == NONE ? Optional.of(b) : Optional.empty();
    }

    /** The unit of a product: a unit times a plain number keeps the unit; two units give a plain number. */
    public static Unit ofProduct(Unit a, Unit b) {
        if (a == NONE) {
            return b;
        }
        return b == NONE ? a : NONE;
    }

    /** The unit of a quotient: a unit over a plain number keeps it; anything else is a plain number. */
    public static Unit ofQuotient(Unit a, Unit b) {
        return b == NONE ? a : NONE;
    }
}
