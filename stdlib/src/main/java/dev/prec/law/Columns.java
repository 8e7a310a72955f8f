package dev.prec.law;

/** Column operations the fitter shares with the compiled program. */
public final class Columns {
    private Columns() {
    }

    /**
     * {@code out[i] = log(in[i])} for every {@code i < in.length}, vectorised where the Vector API
     * is available; NaN for negative entries, as {@link Math#log}.
     *
     * @param out destination, length at least {@code in.length}; may be {@code in}
     * @param in values
     */
    public static void log(double[] out, double[] in) {
        VectorMath.log(out, in, in.length);
    }
}
