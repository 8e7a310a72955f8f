package dev.prec.optimize;

/**
 * The critical data size for any law with a post-training degradation (numerically): at fixed N and
 * training precision, the D that minimises the post-quantization loss. Beyond it, more pretraining
 * data makes the quantized model worse (Kumar et al. 2024, section 4).
 */
public final class CriticalData {
    private CriticalData() {
    }

    /**
     * @param surface the law with its post-training precision held fixed (see {@link PrecisionBinding})
     * @param params N, {@code > 0}
     * @param bits the training precision P, {@code > 0}
     * @param space the range of D searched ({@code minTokens}, {@code maxTokens})
     * @return D_crit in tokens
     * @throws IllegalArgumentException if an argument is not positive, or the loss has no interior
     *     minimum in D inside the range (the law has no degradation growing with data, or the range is too narrow)
     */
    public static double tokens(LossSurface surface, double params, double bits, SearchSpace space) {
        if (!(params > 0) || !(bits > 0)) {
            throw new IllegalArgumentException("params and bits must be > 0");
        }
        Minimizer.Result r = Minimizer.minimize(logD -> surface.loss(new Point(params, Math.exp(logD), bits)),
                Math.log(space.minTokens()), Math.log(space.maxTokens()));
        if (Double.isNaN(r.x()) || r.atEdge()) {
            throw new IllegalArgumentException("the loss has no minimum in D inside [" + space.minTokens() + ", "
                    + space.maxTokens() + "] tokens at N = " + params + ": no critical data size there");
        }
        return Math.exp(r.x());
    }
}
