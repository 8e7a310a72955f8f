package dev.prec.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post-training quantization of a finished run, kept as a child row of that run.
 *
 * @param parentKey key of the run whose final weights were quantized
 * @param spec the resolved PTQ spec (method, format, granularity, calibration, evaluation); its key
 *     identifies the child row together with {@code parentKey}
 * @param losses validation losses before and after quantization
 * @param layers reconstruction error of every quantized layer in forward order; empty for rows
 *     stored before schema version 3
 * @param calibration the calibration draw used; empty for rows whose spec does not say
 * @param checkpoint path of the quantized safetensors file, when one was written
 * @param wallSeconds wall time of the quantization and evaluation, seconds, {@code >= 0}
 */
public record PtqResult(String parentKey, RunSpec spec, Losses losses, List<Layer> layers,
                        Optional<Calibration> calibration, Optional<String> checkpoint, double wallSeconds) {

    /**
     * Validation losses of the model before and after quantization, nats per token.
     *
     * @param before L_pre; NaN when unknown (rows stored before schema version 3)
     * @param after L_post; NaN if the quantized model's loss was not finite
     */
    public record Losses(double before, double after) {

        /** delta_PTQ = L_post - L_pre (Kumar et al., section 4); NaN when either is unknown. */
        public double delta() {
            return after - before;
        }
    }

    /**
     * The reconstruction error of one quantized layer on the calibration data.
     *
     * @param name the weight's name, e.g. {@code blocks.0.attn.qkv.weight}
     * @param error {@code ||X Wᵀ - X Q(W)ᵀ||²} summed over calibration tokens and outputs, {@code >= 0}
     * @param relative {@code error / ||X Wᵀ||²}; NaN when the outputs are all zero
     * @param damp GPTQ dampening fraction used after any Cholesky retries; NaN for round-to-nearest
     */
    public record Layer(String name, double error, double relative, double damp) {

        /** @throws NullPointerException if {@code name} is null */
        public Layer {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The calibration draw.
     *
     * @param sequences calibration sequences, {@code >= 1}
     * @param seed the seed of the draw
     */
    public record Calibration(int sequences, long seed) {

        /** @throws IllegalArgumentException if {@code sequences < 1} */
        public Calibration {
            if (sequences < 1) {
                throw new IllegalArgumentException("calibration needs at least 1 sequence, got " + sequences);
            }
        }
    }

    /**
     * @throws IllegalArgumentException if {@code wallSeconds} is negative or not finite
     * @throws NullPointerException if a reference is null
     */
    public PtqResult {
        Objects.requireNonNull(parentKey, "parentKey");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(checkpoint, "checkpoint");
        layers = List.copyOf(layers);
        if (!(wallSeconds >= 0) || Double.isInfinite(wallSeconds)) {
            throw new IllegalArgumentException("wallSeconds must be finite and >= 0, got " + wallSeconds);
        }
    }

    /**
     * A result that records only the post-quantization loss (what schema versions 1 and 2 kept).
     *
     * @param parentKey key of the quantized run
     * @param spec the PTQ spec
     * @param valLoss L_post, nats per token; NaN if not finite
     * @param wallSeconds wall time, seconds, {@code >= 0}
     */
    public PtqResult(String parentKey, RunSpec spec, double valLoss, double wallSeconds) {
        this(parentKey, spec, new Losses(Double.NaN, valLoss), List.of(), Optional.empty(), Optional.empty(),
                wallSeconds);
    }

    /** The post-quantization validation loss L_post, nats per token. */
    public double valLoss() {
        return losses.after();
    }

    /**
     * The largest dampening fraction any layer used, which exceeds the requested one when a
     * Cholesky factorisation had to be retried; NaN for round-to-nearest or when not recorded.
     */
    public double damp() {
        return layers.stream().mapToDouble(Layer::damp).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }
}
