package dev.prec.ptq;

/**
 * Dense Cholesky factorisation and inverse of symmetric positive definite matrices, in double,
 * row-major (n, n). Plain column-oriented algorithms (Golub and Van Loan, "Matrix Computations",
 * 4th ed., Algorithm 4.2.1); n is at most a few thousand here.
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * The lower factor L with {@code a = L Lᵀ}.
     *
     * @param a (n, n) symmetric, only its lower triangle read
     * @param n the order
     * @return L (n, n) row-major, zero above the diagonal; null when {@code a} is not (numerically)
     *     positive definite: a pivot is not positive or not finite
     */
    static double[] lower(double[] a, int n) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / ljj;
            }
        }
        return l;
    }

    /**
     * The inverse of {@code a = L Lᵀ} from its factor: {@code a⁻¹ = L⁻ᵀ L⁻¹}.
     *
     * @param l the lower factor (n, n) from {@link #lower}
     * @param n the order
     * @return {@code a⁻¹} (n, n), symmetric
     */
    static double[] inverse(double[] l, int n) {
        // M = L⁻¹ by forward substitution, column by column of the identity.
        double[] m = new double[n * n];
        for (int j = 0; j < n; j++) {
            m[j * n + j] = 1.0 / l[j * n + j];
            for (int i = j + 1; i < n; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s += l[i * n + k] * m[k * n + j];
                }
                m[i * n + j] = -s / l[i * n + i];
            }
        }
        // a⁻¹[i][j] = sum_k M[k][i] M[k][j], k >= max(i, j) since M is lower triangular.
        double[] inv = new double[n * n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i <= k; i++) {
                double mki = m[k * n + i];
                if (mki == 0) {
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    inv[i * n + j] += mki * m[k * n + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                inv[j * n + i] = inv[i * n + j];
            }
        }
        return inv;
    }
}
