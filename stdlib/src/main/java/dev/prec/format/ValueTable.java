package dev.prec.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every finite value of an element format with its code, and the format's landmarks, for the docs
 * and the tests.
 *
 * @param format the format
 * @param entries every finite value in ascending order (both zeros where the format has a signed
 *     zero, {@code -0} first), each with its code
 */
public record ValueTable(ElementFormat format, List<Entry> entries) {

    /**
     * One representable value.
     *
     * @param code the bit pattern, {@code [0, 2^bits)}
     * @param value its value in grid units
     */
    public record Entry(int code, float value) {
    }

    /**
     * @throws IllegalArgumentException if {@code format} is null or {@code entries} is empty
     */
    public ValueTable {
        if (format == null || entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("a value table needs a format and at least one value");
        }
        entries = List.copyOf(entries);
    }

    /**
     * The table of a format, built by decoding every code.
     *
     * @param format an element format with at most 16 bits
     * @throws IllegalArgumentException if {@code format} is null
     */
    public static ValueTable of(ElementFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        List<Entry> entries = new ArrayList<>();
        for (int code = 0; code < format.codeCount(); code++) {
            if (format.usesCode(code)) {
                float v = format.decode(code);
                if (Float.isFinite(v)) {
                    entries.add(new Entry(code, v));
                }
            }
        }
        // Ascending by value; -0 before +0 (Float.compare orders them so).
        entries.sort((a, b) -> Float.compare(a.value(), b.value()));
        return new ValueTable(format, entries);
    }

    /** The finite values, ascending. */
    public float[] values() {
        float[] values = new float[entries.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = entries.get(i).value();
        }
        return values;
    }

    /** Largest finite value. */
    public float maxValue() {
        return entries.getLast().value();
    }

    /** Smallest positive value (the smallest subnormal of a minifloat, 1 for integers). */
    public float minPositive() {
        return (float) entries.stream().mapToDouble(Entry::value).filter(v -> v > 0).min().orElse(Double.NaN);
    }

    /** Smallest positive normal value of a minifloat, or NaN for integers and formats without normals. */
    public float minNormal() {
        return format instanceof MiniFloat f && f.minNormal() <= maxValue() ? f.minNormal() : Float.NaN;
    }

    /** Largest subnormal value of a minifloat, or NaN for integers and formats with {@code m = 0}. */
    public float maxSubnormal() {
        if (!(format instanceof MiniFloat f) || f.mantissaBits() == 0) {
            return Float.NaN;
        }
        return (float) Math.min(maxValue(), Math.scalb((double) ((1 << f.mantissaBits()) - 1), f.minExponent() - f.mantissaBits()));
    }

    /**
     * A Markdown description: landmarks, then every non-negative value with its code (the negative
     * half mirrors it for minifloats; integers list all values).
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(format.name()).append(" (").append(format.bits()).append(" bits)\n\n");
        out.append(String.format(Locale.ROOT, "- max: %s%n- min positive: %s%n", show(maxValue()), show(minPositive())));
        if (format instanceof MiniFloat f) {
            out.append(String.format(Locale.ROOT, "- min normal: %s%n- max subnormal: %s%n- infinities: %s, NaN: %s%n",
                    show(minNormal()), show(maxSubnormal()), f.hasInfinity() ? "yes" : "no",
                    f.specials() == MiniFloat.Specials.NONE ? "no" : "yes"));
        }
        out.append("\n| code | value |\n|---|---|\n");
        for (Entry e : entries) {
            boolean negativeHalf = format instanceof MiniFloat && Float.floatToRawIntBits(e.value()) < 0;
            if (!negativeHalf) {
                out.append(String.format(Locale.ROOT, "| 0x%0" + ((format.bits() + 3) / 4) + "X | %s |%n",
                        e.code(), show(e.value())));
            }
        }
        return out.toString();
    }

    private static String show(float v) {
        return Float.isNaN(v) ? "none" : Float.toString(v);
    }
}
