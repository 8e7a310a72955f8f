package dev.prec.tensor;

/**
 * The three matrix products training needs, on row-major float arrays with offsets.
 *
 * <p>With a linear layer {@code out = inp · Wᵀ}, {@code inp} (BT, C), weight {@code W} (OC, C),
 * {@code out} (BT, OC):
 * <ul>
 *   <li>forward: {@link #abT} with a = inp, b = W: (m=BT, n=OC, k=C);</li>
 *   <li>backward to the input: {@link #ab} with a = dout (BT, OC), b = W (OC, C): (m=BT, n=C, k=OC);</li>
 *   <li>backward to the weight: {@link #aTb} with a = dout (BT, OC), b = inp (BT, C): (m=OC, n=C, k=BT).</li>
 * </ul>
 *
 * <p>Every method either overwrites {@code out} or, when {@code accumulate} is true, adds to it
 * (backward passes accumulate). Implementations are deterministic: the result for given inputs is
 * the same bits whatever the thread count or scheduling.
 */
public interface Matmul {

    /**
     * {@code out(m, n) (+)= a(m, k) · b(n, k)ᵀ}.
     *
     * @param out result, row-major (m, n) from {@code outOff}
     * @param a left operand, row-major (m, k) from {@code aOff}
     * @param b right operand stored transposed, row-major (n, k) from {@code bOff}
     * @param accumulate add to {@code out} instead of overwriting it
     */
    void abT(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate);

    /**
     * {@code out(m, n) (+)= a(m, k) · b(k, n)}.
     *
     * @param out result, row-major (m, n) from {@code outOff}
     * @param a left operand, row-major (m, k) from {@code aOff}
     * @param b right operand, row-major (k, n) from {@code bOff}
     * @param accumulate add to {@code out} instead of overwriting it
     */
    void ab(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate);

    /**
     * {@code out(m, n) (+)= a(k, m)ᵀ · b(k, n)}.
     *
     * @param out result, row-major (m, n) from {@code outOff}
     * @param a left operand stored transposed, row-major (k, m) from {@code aOff}
     * @param b right operand, row-major (k, n) from {@code bOff}
     * @param accumulate add to {@code out} instead of overwriting it
     */
    void aTb(float[] out, int outOff, float[] a, int aOff, float[] b, int bOff, MatmulShape s, boolean accumulate);
}
