package dev.prec.train;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled weight decay regularization", arXiv 1711.05101) as
 * PyTorch's {@code torch.optim.AdamW} computes it, with global-norm gradient clipping first.
 * Weight decay applies to matrices and the embedding, not to norm gains.
 *
 * @param peakLr peak learning rate, {@code peakLr > 0}
 * @param beta1 first-moment decay, in [0, 1)
 * @param beta2 second-moment decay, in [0, 1)
 * @param eps added to the root of the second moment, {@code eps >= 0}
 * @param weightDecay decoupled decay per unit learning rate, {@code >= 0}
 * @param clipNorm maximum global gradient norm, {@code > 0}, or {@code Double.POSITIVE_INFINITY} for none
 */
public record AdamWConfig(double peakLr, double beta1, double beta2, double eps, double weightDecay, double clipNorm) {

    /**
     * @throws IllegalArgumentException if a value is outside its range above
     */
    public AdamWConfig {
        if (!(peakLr > 0) || !Double.isFinite(peakLr)) {
            throw new IllegalArgumentException("peakLr must be finite and > 0, got " + peakLr);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps >= 0) || !(weightDecay >= 0) || !(clipNorm > 0)) {
            throw new IllegalArgumentException("need eps >= 0, weightDecay >= 0, clipNorm > 0, got " + eps + ", "
                    + weightDecay + ", " + clipNorm);
        }
    }

    /**
     * Kumar et al.'s settings: betas (0.9, 0.95), eps 1e-15, weight decay 0.1, clipping at norm 1.
     *
     * @param peakLr peak learning rate, {@code > 0} (the paper used 6e-4 for its smallest model)
     */
    public static AdamWConfig paper(double peakLr) {
        return new AdamWConfig(peakLr, 0.9, 0.95, 1e-15, 0.1, 1.0);
    }

    /** This configuration with another peak learning rate. */
    public AdamWConfig withPeakLr(double lr) {
        return new AdamWConfig(lr, beta1, beta2, eps, weightDecay, clipNorm);
    }

    /** This configuration with another epsilon. */
    public AdamWConfig withEps(double e) {
        return new AdamWConfig(peakLr, beta1, beta2, e, weightDecay, clipNorm);
    }
}
