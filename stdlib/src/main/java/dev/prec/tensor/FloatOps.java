package dev.prec.tensor;

/**
 * Element-wise and reduction kernels on slices of float arrays, as the trainer needs them.
 * A slice is an array, an offset and a length {@code n}; slices of one call may not overlap unless
 * a method says so.
 *
 * <p>Two implementations: {@link ScalarOps}, the obvious loops and the reference, and
 * {@link VectorOps}, the Vector API kernels. Element-wise methods ({@link #axpy}, {@link #scale},
 * {@link #add}) and {@link #max} give the same bits in both; the reductions {@link #dot} and
 * {@link #sum} add in a different order in the vector kernel and agree within rounding. All are
 * deterministic: the order depends only on {@code n} and the vector width.
 *
 * <p>Non-finite values follow IEEE arithmetic: a NaN input gives a NaN result for every method.
 */
public interface FloatOps {

    /**
     * The inner product {@code sum_i x[i] * y[i]}.
     *
     * @param x first vector, {@code n} floats from {@code xOff}
     * @param y second vector, {@code n} floats from {@code yOff}
     * @param n length, {@code >= 0}; 0 gives 0
     * @return the dot product, accumulated in float with fused multiply-adds
     */
    float dot(float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * {@code y[i] = fma(alpha, x[i], y[i])} for {@code i < n}: y plus alpha times x, rounded once.
     *
     * @param alpha the factor of x, any float
     * @param x added vector, {@code n} floats from {@code xOff}
     * @param y updated vector, {@code n} floats from {@code yOff}; may be the same slice as x
     * @param n length, {@code >= 0}
     */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * {@code x[i] = alpha * x[i]} for {@code i < n}.
     *
     * @param alpha the factor, any float
     * @param x scaled vector, {@code n} floats from {@code xOff}
     * @param n length, {@code >= 0}
     */
    void scale(float alpha, float[] x, int xOff, int n);

    /**
     * The sum of {@code x[xOff .. xOff+n)}, accumulated in float.
     *
     * @param x summed vector
     * @param n length, {@code >= 0}; 0 gives 0
     * @return the sum
     */
    float sum(float[] x, int xOff, int n);

    /**
     * The largest of {@code x[xOff .. xOff+n)}, as {@link Math#max(float, float)} orders floats
     * (NaN if any element is NaN, {@code +0} above {@code -0}).
     *
     * @param x searched vector
     * @param n length, {@code >= 0}; 0 gives {@link Float#NEGATIVE_INFINITY}
     * @return the maximum
     */
    float max(float[] x, int xOff, int n);

    /**
     * {@code out[i] = x[i] + y[i]} for {@code i < n}.
     *
     * @param out destination, {@code n} floats from {@code outOff}; may be the same slice as x or y
     * @param x first addend, {@code n} floats from {@code xOff}
     * @param y second addend, {@code n} floats from {@code yOff}
     * @param n length, {@code >= 0}
     */
    void add(float[] out, int outOff, float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * The fastest usable implementation: {@link VectorOps} when {@link Vectorization#enabled()},
     * else {@link ScalarOps}.
     *
     * @return the kernels to use
     */
    static FloatOps best() {
        return Vectorization.enabled() ? new VectorOps() : new ScalarOps();
    }
}
