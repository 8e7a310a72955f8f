package dev.prec.ptq;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * GPTQ on one linear layer (Frantar et al. 2022, Algorithm 1, as in their reference code
 * {@code gptq.py}): with {@code U} the upper Cholesky factor of the inverse of the dampened Hessian
 * {@code H = 2 XᵀX + λI}, columns are quantized one at a time and each column's error,
 * divided by {@code U[i][i]}, is fed back into the not yet quantized columns through row i of
 * {@code U}; within a block of columns immediately, to the rest of the matrix once per block
 * ("lazy batch updates"). Computed in double; the rounding itself is the float rule of
 * {@link WeightGrid}.
 */
final class Gptq {

    private Gptq() {
    }

    /**
     * Quantizes a layer.
     *
     * @param layer the weight (OC, C)
     * @param xtx {@code XᵀX} (C, C) row-major, summed over the calibration tokens (not dampened, not doubled)
     * @param grid the layer's format with its scale rule
     * @param groupSize input columns sharing a scale, {@code >= 1}; 0 for one scale per row; a block
     *     format's block size replaces it (each block's scale then comes from the block's weights as
     *     updated when its first column is reached, as gptq.py finds a group's scale)
     * @param options dampening, block size and column order
     * @return the quantized layer with the dampening fraction used
     * @throws IllegalStateException if the Hessian is not positive definite even after
     *     {@link GptqOptions#MAX_RETRIES} tenfold increases of the dampening (the message says which layer)
     */
    static QuantizedLayer quantize(LayerWeights layer, double[] xtx, WeightGrid grid, int groupSize, GptqOptions options) {
        int rows = layer.rows();
        int n = layer.cols();
        if (xtx.length != n * n) {
            throw new IllegalArgumentException("Hessian of " + layer.name() + " must be " + n + "x" + n);
        }
        double[] h = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            h[i] = 2 * xtx[i];
        }
        double[] w = new double[rows * n];
        float[] src = layer.view();
        for (int i = 0; i < w.length; i++) {
            w[i] = src[i];
        }
        // Inputs that were always zero carry no information: GPTQ sets their diagonal to 1 and the weights to 0.
        for (int c = 0; c < n; c++) {
            if (h[c * n + c] == 0) {
                h[c * n + c] = 1;
                for (int r = 0; r < rows; r++) {
                    w[r * n + c] = 0;
                }
            }
        }
        int[] perm = options.actOrder() ? descendingDiagonal(h, n) : IntStream.range(0, n).toArray();
        if (options.actOrder()) {
            h = permute(h, n, perm);
            w = permuteColumns(w, rows, n, perm);
        }
        Factor f = factor(h, n, options.damp(), layer.name());
        int span = grid.span(groupSize, n);
        boolean perRow = span == n;
        int block = perRow ? options.blockSize() : Math.max(span, options.blockSize() / span * span);
        Columns out = new Columns(rows, n, span, grid);
        if (perRow) {
            out.findScales(w, 0);
        }
        double[] err = new double[rows * block];
        double[] u = f.upper();
        for (int i1 = 0; i1 < n; i1 += block) {
            int i2 = Math.min(i1 + block, n);
            int count = i2 - i1;
            for (int i = i1; i < i2; i++) {
                if (!perRow && (i % span) == 0) {
                    out.findScales(w, i);
                }
                out.quantizeColumn(w, i);
                double d = u[i * n + i];
                for (int r = 0; r < rows; r++) {
                    double e = (w[r * n + i] - out.deq[r * n + i]) / d;
                    err[r * block + (i - i1)] = e;
                    for (int j = i + 1; j < i2; j++) {
                        w[r * n + j] -= e * u[i * n + j];
                    }
                }
            }
            // Lazy batch update: W[:, i2:] -= Err · U[i1:i2, i2:].
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < count; k++) {
                    double e = err[r * block + k];
                    int urow = (i1 + k) * n;
                    for (int j = i2; j < n; j++) {
                        w[r * n + j] -= e * u[urow + j];
                    }
                }
            }
        }
        return out.result(layer.name(), perm, f.damp());
    }

    /** The upper factor and the dampening fraction it took. */
    private record Factor(double[] upper, double damp) {
    }

    /**
     * U with {@code (H + λI)⁻¹ = UᵀU}, λ = fraction times the mean diagonal, raising the fraction
     * tenfold while the factorisation fails.
     */
    private static Factor factor(double[] h, int n, double damp, String name) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += h[i * n + i];
        }
        mean /= n;
        double fraction = damp;
        for (int attempt = 0; attempt <= GptqOptions.MAX_RETRIES; attempt++) {
            double[] a = h.clone();
            double lambda = fraction * mean;
            for (int i = 0; i < n; i++) {
                a[i * n + i] += lambda;
            }
            double[] l = Cholesky.lower(a, n);
            double[] lInv = l == null ? null : Cholesky.lower(Cholesky.inverse(l, n), n);
            if (lInv != null) {
                double[] u = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        u[j * n + i] = lInv[i * n + j];
                    }
                }
                return new Factor(u, fraction);
            }
            fraction = fraction == 0 ? 1e-6 : fraction * 10;
        }
        throw new IllegalStateException("GPTQ: the Hessian of " + name + " is not positive definite even with dampening "
                + fraction / 10 + " of its mean diagonal");
    }

    /** Column indices by decreasing diagonal, ties by index (a stable order). */
    private static int[] descendingDiagonal(double[] h, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -h[i * n + i]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static double[] permute(double[] h, int n, int[] perm) {
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] = h[perm[i] * n + perm[j]];
            }
        }
        return p;
    }

    private static double[] permuteColumns(double[] w, int rows, int n, int[] perm) {
        double[] p = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                p[r * n + j] = w[r * n + perm[j]];
            }
        }
        return p;
    }

    /** The quantized columns, scales and codes, in the (possibly permuted) working column order. */
    private static final class Columns {
        private final int rows;
        private final int n;
        private final int span;
        private final int groups;
        private final WeightGrid grid;
        final float[] deq;
        private final int[] codes;
        private final float[] scales;
        /** The scale of each row for the current group. */
        private final float[] current;
        private final float[] y;

        Columns(int rows, int n, int span, WeightGrid grid) {
            this.rows = rows;
            this.n = n;
            this.span = span;
            this.groups = (n + span - 1) / span;
            this.grid = grid;
            this.deq = new float[rows * n];
            this.codes = new int[rows * n];
            this.scales = new float[rows * groups];
            this.current = new float[rows];
            this.y = new float[rows];
        }

        /** Absmax scales of the group starting at column {@code from}, from the current weights. */
        void findScales(double[] w, int from) {
            int to = Math.min(from + span, n);
            int g = from / span;
            for (int r = 0; r < rows; r++) {
                float absmax = 0f;
                for (int c = from; c < to; c++) {
                    absmax = Math.max(absmax, Math.abs((float) w[r * n + c]));
                }
                current[r] = grid.scaleFor(absmax);
                scales[r * groups + g] = current[r];
            }
        }

        void quantizeColumn(double[] w, int c) {
            for (int r = 0; r < rows; r++) {
                y[r] = (float) w[r * n + c] * (1f / current[r]);
            }
            grid.round(y, rows);
            for (int r = 0; r < rows; r++) {
                deq[r * n + c] = current[r] * y[r];
                codes[r * n + c] = grid.code(y[r]);
            }
        }

        /** Undoes the permutation: working column j is original column perm[j]. */
        QuantizedLayer result(String name, int[] perm, double damp) {
            float[] d = new float[rows * n];
            int[] k = new int[rows * n];
            int[] groupIndex = new int[n];
            for (int j = 0; j < n; j++) {
                groupIndex[perm[j]] = j / span;
                for (int r = 0; r < rows; r++) {
                    d[r * n + perm[j]] = deq[r * n + j];
                    k[r * n + perm[j]] = codes[r * n + j];
                }
            }
            return new QuantizedLayer(name, rows, n, d, k, scales, groupIndex, damp);
        }
    }
}
