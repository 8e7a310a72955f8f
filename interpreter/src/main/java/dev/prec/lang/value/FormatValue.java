package dev.prec.lang.value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A number format: a symmetric integer of {@code bits} bits, or a float with a sign bit, {@code
 * exponentBits} and {@code mantissaBits} (OCP FP8 conventions for special values, as the formats
 * library implements them).
 *
 * @param name the name a script uses ({@code int4}, {@code fp8_e4m3}, {@code bf16})
 * @param kind integer or floating point
 * @param bits total width, {@code 2 <= bits <= 32}
 * @param exponentBits exponent width for floats, {@code 1 <= exponentBits <= 8}; 0 for integers
 * @param mantissaBits mantissa width for floats, {@code 0 <= mantissaBits <= 23}; 0 for integers
 */
public record FormatValue(String name, Kind kind, int bits, int exponentBits, int mantissaBits) implements Value {

    /** Integer or floating point. */
    public enum Kind { INT, FLOAT }

    public FormatValue {
        if (name == null || kind == null) {
            throw new IllegalArgumentException("name and kind are required");
        }
        if (kind == Kind.INT && (bits < 2 || bits > 32 || exponentBits != 0 || mantissaBits != 0)) {
            throw new IllegalArgumentException("an integer format has 2 to 32 bits, got " + bits);
        }
        if (kind == Kind.FLOAT && (exponentBits < 1 || exponentBits > 8 || mantissaBits < 0 || mantissaBits > 23
                || bits != 1 + exponentBits + mantissaBits)) {
            throw new IllegalArgumentException("a float format has 1 to 8 exponent bits and 0 to 23 mantissa bits, got e"
                    + exponentBits + " m" + mantissaBits);
        }
    }

    /** A symmetric integer format; {@code 2 <= bits <= 32}. */
    public static FormatValue integer(int bits) {
        return new FormatValue("int" + bits, Kind.INT, bits, 0, 0);
    }

    /** A float format with a sign bit; {@code 1 <= exponentBits <= 8}, {@code 0 <= mantissaBits <= 23}. */
    public static FormatValue floating(int exponentBits, int mantissaBits) {
        int bits = 1 + exponentBits + mantissaBits;
        String name = PRESETS.values().stream()
                .filter(f -> f.exponentBits == exponentBits && f.mantissaBits == mantissaBits)
                .map(FormatValue::name).findFirst()
                .orElse("fp" + bits + "_e" + exponentBits + "m" + mantissaBits);
        return new FormatValue(name, Kind.FLOAT, bits, exponentBits, mantissaBits);
    }

    /** The formats a script can name without a constructor. */
    public static final Map<String, FormatValue> PRESETS = List.of(
                    new FormatValue("fp32", Kind.FLOAT, 32, 8, 23),
                    new FormatValue("bf16", Kind.FLOAT, 16, 8, 7),
                    new FormatValue("fp16", Kind.FLOAT, 16, 5, 10),
                    new FormatValue("fp8_e4m3", Kind.FLOAT, 8, 4, 3),
                    new FormatValue("fp8_e5m2", Kind.FLOAT, 8, 5, 2),
                    new FormatValue("fp6_e3m2", Kind.FLOAT, 6, 3, 2),
                    new FormatValue("fp6_e2m3", Kind.FLOAT, 6, 2, 3),
                    new FormatValue("fp4_e2m1", Kind.FLOAT, 4, 2, 1),
                    integer(2), integer(3), integer(4), integer(5), integer(6), integer(8),
                    integer(12), integer(16))
            .stream().collect(Collectors.toUnmodifiableMap(FormatValue::name, Function.identity()));

    public static Optional<FormatValue> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.FORMAT);
    }
}
