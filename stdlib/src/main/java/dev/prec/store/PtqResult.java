package dev.prec.store;

import java.util.Objects;

/**
 * A post-training quantization of a finished run, kept as a child row of that run.
 *
 * @param parentKey key of the run whose final weights were quantized
 * @param spec the resolved PTQ spec (method, format, granularity, calibration); its key
 *     identifies the child row together with {@code parentKey}
 * @param valLoss validation loss of the quantized model, nats per token; NaN if it diverged
 * @param wallSeconds wall time of the quantization and evaluation, seconds, {@code >= 0}
 */
public record PtqResult(String parentKey, RunSpec spec, double valLoss, double wallSeconds) {

    /** @throws IllegalArgumentException if {@code wallSeconds} is negative or not finite */
    public PtqResult {
        Objects.requireNonNull(parentKey, "parentKey");
        Objects.requireNonNull(spec, "spec");
        if (!(wallSeconds >= 0) || Double.isInfinite(wallSeconds)) {
            throw new IllegalArgumentException("wallSeconds must be finite and >= 0, got " + wallSeconds);
        }
    }
}
