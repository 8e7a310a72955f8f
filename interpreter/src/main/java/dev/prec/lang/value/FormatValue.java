package dev.prec.lang.value;

import dev.prec.format.Formats;
import dev.prec.format.MiniFloat;
import dev.prec.format.NumberFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A number format of the formats library ({@link dev.prec.format}): a preset such as {@code bf16},
 * {@code fp8_e4m3}, {@code int4} or {@code mxfp4}, an integer {@code int(b)}, or a generic IEEE-style
 * minifloat {@code fp(e, m)}. The library is the one source of truth for names, widths and grids.
 *
 * @param format the library's format
 */
public record FormatValue(NumberFormat format) implements Value {
    public FormatValue {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
    }

    /**
     * A signed integer format.
     *
     * @throws IllegalArgumentException if {@code bits} is outside the library's range (2 to 16)
     */
    public static FormatValue integer(int bits) {
        return new FormatValue(Formats.integer(bits));
    }

    /**
     * A generic IEEE-style minifloat with a sign bit ({@code e<E>m<M>}); the OCP presets such as
     * {@code fp8_e4m3} differ in their special values and are named, not built.
     *
     * @throws IllegalArgumentException if the widths are outside the library's ranges
     */
    public static FormatValue floating(int exponentBits, int mantissaBits) {
        return new FormatValue(Formats.minifloat(exponentBits, mantissaBits));
    }

    /** The preset called {@code name} (case-insensitive), if there is one. */
    public static Optional<FormatValue> preset(String name) {
        return Formats.find(name).map(FormatValue::new);
    }

    /** Every preset name a script can use without a constructor. */
    public static List<String> presetNames() {
        return Formats.names();
    }

    public String name() {
        return format.name();
    }

    /** Storage bits per element. */
    public int bits() {
        return format.bits();
    }

    /** Exponent bits of a minifloat; empty for integers, fp32 and block formats. */
    public OptionalInt exponentBits() {
        return format instanceof MiniFloat f ? OptionalInt.of(f.exponentBits()) : OptionalInt.empty();
    }

    /** Mantissa bits of a minifloat; empty for integers, fp32 and block formats. */
    public OptionalInt mantissaBits() {
        return format instanceof MiniFloat f ? OptionalInt.of(f.mantissaBits()) : OptionalInt.empty();
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.FORMAT);
    }
}
