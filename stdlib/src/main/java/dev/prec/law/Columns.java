package dev.prec.law;

/** Column operations the fitter shares with the compiled program. */
public final class Columns {
    private Columns() {
    }

    /**
     * {@code out[i] = log(in[i])} for every {@code i < in.length}, as {@link Math#log} (NaN for
     * negative entries), bit-identical at every JIT tier ({@link ColumnMath}).
     *
     * @param out destination, length at least {@code in.length}; may be {@code in}
     * @param in values
     */
    public static void log(double[] out, double[] in) {
        ColumnMath.log(out, in, in.length);
    }
}
