package dev.prec.law;

/**
 * The transcendental column operations of the compiled program ({@code exp}, {@code log}), the
 * bulk of a law's evaluation cost, as plain loops over {@link Math#exp} and {@link Math#log}.
 *
 * <p>Why not the Vector API: a fit must be a pure function of its inputs and seed (ARCHITECTURE.md),
 * and {@code DoubleVector.lanewise(EXP)} and {@code lanewise(LOG)} are not. Before C2 compiles the
 * loop they run the JDK's Java fallback ({@code Math.exp} per lane); once compiled they run the
 * short-vector math library, whose results differ in the last bit for a few inputs in a hundred
 * (measured on JDK 25, AVX-512: 53 of 1024 exp and 38 of 65536 log results). A fit's bits then
 * depended on how warm the JIT was: repeating a fit in one JVM, or changing the thread count,
 * changed the last digits. HotSpot's {@code Math.exp} and {@code Math.log} use the same stub in
 * the interpreter, C1 and C2, so these loops give the same bits at every tier.
 */
final class ColumnMath {
    private ColumnMath() {
    }

    /**
     * {@code out[i] = Math.exp(in[i])} for {@code 0 <= i < n}.
     *
     * @param out destination, length at least {@code n}; may be {@code in}
     * @param in arguments, length at least {@code n}
     * @param n number of entries, {@code >= 0}
     */
    static void exp(double[] out, double[] in, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(in[i]);
        }
    }

    /**
     * {@code out[i] = Math.log(in[i])} for {@code 0 <= i < n}: NaN for negative entries and
     * {@code -Infinity} for zero, as {@link Math#log} (the domain check relies on the NaN).
     *
     * @param out destination, length at least {@code n}; may be {@code in}
     * @param in arguments, length at least {@code n}
     * @param n number of entries, {@code >= 0}
     */
    static void log(double[] out, double[] in, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.log(in[i]);
        }
    }
}
