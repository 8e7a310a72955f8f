package dev.prec.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The named preset formats, for scripts and configuration: lookup by name, the list of all names
 * (for a checker's completion), and "did you mean" suggestions.
 *
 * <p>Names: {@code int2..int16} and {@code int2_narrow..int16_narrow}; generic IEEE-style minifloats
 * {@code e<E>m<M>} for {@code 1 <= E <= 8}, {@code 0 <= M <= 10} (those with at least one positive
 * finite value); the OCP formats {@code fp8_e4m3}, {@code fp8_e5m2}, {@code fp6_e3m2},
 * {@code fp6_e2m3}, {@code fp4_e2m1}; {@code fp16}, {@code bf16}, {@code fp32}; block formats
 * {@code mxfp8_e4m3} (alias {@code mxfp8}), {@code mxfp8_e5m2}, {@code mxfp6_e3m2} (alias
 * {@code mxfp6}), {@code mxfp6_e2m3}, {@code mxfp4}, {@code mxint8}, {@code nvfp4}.
 */
public final class Formats {

    /** OCP FP8 E4M3: no infinities, only S.1111.111 is NaN, max 448. */
    public static final MiniFloat FP8_E4M3 = new MiniFloat("fp8_e4m3", 4, 3, MiniFloat.Specials.NAN_ONLY);
    /** OCP FP8 E5M2: IEEE-style, max 57344. */
    public static final MiniFloat FP8_E5M2 = new MiniFloat("fp8_e5m2", 5, 2, MiniFloat.Specials.IEEE);
    /** OCP MX FP6 E3M2: all codes finite, max 28. */
    public static final MiniFloat FP6_E3M2 = new MiniFloat("fp6_e3m2", 3, 2, MiniFloat.Specials.NONE);
    /** OCP MX FP6 E2M3: all codes finite, max 7.5. */
    public static final MiniFloat FP6_E2M3 = new MiniFloat("fp6_e2m3", 2, 3, MiniFloat.Specials.NONE);
    /** OCP MX FP4 E2M1: all codes finite, max 6. */
    public static final MiniFloat FP4_E2M1 = new MiniFloat("fp4_e2m1", 2, 1, MiniFloat.Specials.NONE);
    /** IEEE binary16. */
    public static final MiniFloat FP16 = new MiniFloat("fp16", 5, 10, MiniFloat.Specials.IEEE);
    /** bfloat16: fp32's exponent range with 7 mantissa bits. */
    public static final MiniFloat BF16 = new MiniFloat("bf16", 8, 7, MiniFloat.Specials.IEEE);
    /** fp32, the identity. */
    public static final Fp32Format FP32 = new Fp32Format();

    /** Every preset by lower-case name, in listing order. */
    private static final Map<String, NumberFormat> PRESETS = presets();

    private Formats() {
    }

    /**
     * The preset with this name (case-insensitive).
     *
     * @param name a preset name, e.g. {@code "fp8_e4m3"}, {@code "int4"}, {@code "mxfp4"}
     * @return the format
     * @throws IllegalArgumentException if no preset has that name; the message suggests the closest name
     */
    public static NumberFormat byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown number format '" + name + "'"
                + suggest(name).map(s -> "; did you mean '" + s + "'?").orElse("")));
    }

    /** The preset with this name (case-insensitive), if any. */
    public static Optional<NumberFormat> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(PRESETS.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every preset name, in a stable order (integers, OCP formats, generic minifloats, blocks). */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /**
     * The preset name closest to {@code name} by edit distance, when it is close enough to be a typo
     * (at most a third of the name's length, and at least 1 edit allowed).
     */
    public static Optional<String> suggest(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : PRESETS.keySet()) {
            int d = editDistance(lower, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(1, lower.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /**
     * Signed integers with the paper's asymmetric range {@code -2^(bits-1)..2^(bits-1)-1}.
     *
     * @param bits total bits, {@code 2 <= bits <= 16}
     * @throws IllegalArgumentException if {@code bits < 2 || bits > 16}
     */
    public static IntFormat integer(int bits) {
        return new IntFormat(bits, false);
    }

    /**
     * A generic IEEE-style minifloat {@code e<E>m<M>}: bias {@code 2^(e-1)-1}, subnormals, top
     * exponent field for infinities and NaNs.
     *
     * @param exponentBits {@code 1 <= e <= 8}
     * @param mantissaBits {@code 0 <= m <= 10}
     * @throws IllegalArgumentException if out of range, or if the format has no positive finite value ({@code e = 1, m = 0})
     */
    public static MiniFloat minifloat(int exponentBits, int mantissaBits) {
        return new MiniFloat("e" + exponentBits + "m" + mantissaBits, exponentBits, mantissaBits, MiniFloat.Specials.IEEE);
    }

    /**
     * The floating-point format the paper trains with at a given total bit count (Kumar et al.,
     * arXiv 2411.04330: 3, 4, 5, 6, 7, 8, 12 bits are E2M0, E3M0, E4M1, E3M2, E4M2, E5M2, E5M6). The
     * paper is silent on 9-11 bits; prec continues its E5 family, E5M3, E5M4, E5M5. All are
     * IEEE-style ({@link #minifloat}), so 8 bits is exactly OCP fp8_e5m2. Note that the paper's
     * 5-bit format E4M1 has 6 bits with its sign.
     *
     * @param bits total bits, {@code 3 <= bits <= 12}
     * @throws IllegalArgumentException if {@code bits < 3 || bits > 12}
     */
    public static MiniFloat paperFloat(int bits) {
        return switch (bits) {
            case 3 -> minifloat(2, 0);
            case 4 -> minifloat(3, 0);
            case 5 -> minifloat(4, 1);
            case 6 -> minifloat(3, 2);
            case 7 -> minifloat(4, 2);
            case 8 -> minifloat(5, 2);
            case 9, 10, 11, 12 -> minifloat(5, bits - 6);
            default -> throw new IllegalArgumentException("the paper's float recipe covers 3 to 12 bits, got " + bits);
        };
    }

    private static Map<String, NumberFormat> presets() {
        Map<String, NumberFormat> all = new LinkedHashMap<>();
        for (int bits = 2; bits <= 16; bits++) {
            add(all, new IntFormat(bits, false));
        }
        for (int bits = 2; bits <= 16; bits++) {
            add(all, new IntFormat(bits, true));
        }
        for (NumberFormat f : List.of(FP8_E4M3, FP8_E5M2, FP6_E3M2, FP6_E2M3, FP4_E2M1, FP16, BF16, FP32)) {
            add(all, f);
        }
        for (int e = 1; e <= 8; e++) {
            for (int m = (e == 1 ? 1 : 0); m <= 10; m++) {
                add(all, minifloat(e, m));
            }
        }
        BlockFormat mxfp8 = new BlockFormat("mxfp8_e4m3", FP8_E4M3, 32, BlockFormat.BlockScale.E8M0);
        BlockFormat mxfp6 = new BlockFormat("mxfp6_e3m2", FP6_E3M2, 32, BlockFormat.BlockScale.E8M0);
        add(all, mxfp8);
        add(all, new BlockFormat("mxfp8_e5m2", FP8_E5M2, 32, BlockFormat.BlockScale.E8M0));
        add(all, mxfp6);
        add(all, new BlockFormat("mxfp6_e2m3", FP6_E2M3, 32, BlockFormat.BlockScale.E8M0));
        add(all, new BlockFormat("mxfp4", FP4_E2M1, 32, BlockFormat.BlockScale.E8M0));
        add(all, new BlockFormat("mxint8", integer(8), 32, BlockFormat.BlockScale.E8M0));
        add(all, new BlockFormat("nvfp4", FP4_E2M1, 16, BlockFormat.BlockScale.E4M3));
        all.put("mxfp8", mxfp8);
        all.put("mxfp6", mxfp6);
        return Collections.unmodifiableMap(all);
    }

    private static void add(Map<String, NumberFormat> all, NumberFormat format) {
        all.put(format.name(), format);
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
