package dev.prec.ptq;

import dev.prec.store.PtqResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import java.util.List;

/**
 * The outcome of a post-training quantization.
 *
 * @param spec what was done
 * @param lossBefore validation loss of the model as given, nats per token (L_pre)
 * @param lossAfter validation loss of the quantized model, nats per token (L_post); may be NaN or
 *     infinite for a model the quantization broke
 * @param layers the reconstruction error of every quantized layer, in forward order
 * @param quantized every quantized layer, in forward order
 * @param model the quantized model: the given weights with every quantized layer's dequantized values
 * @param wallSeconds wall time of calibration, quantization and both evaluations, {@code >= 0}
 */
public record PtqReport(PtqSpec spec, double lossBefore, double lossAfter, List<LayerError> layers,
                        List<QuantizedLayer> quantized, TrainedModel model, double wallSeconds) {

    /** Copies the lists. */
    public PtqReport {
        layers = List.copyOf(layers);
        quantized = List.copyOf(quantized);
    }

    /** delta_PTQ = L_post - L_pre, nats per token (Kumar et al., section 4). */
    public double delta() {
        return lossAfter - lossBefore;
    }

    /** The dampening fractions actually used, raised above the requested one for some layer. */
    public boolean dampeningRaised() {
        return layers.stream().anyMatch(l -> l.damp() > spec.gptq().damp());
    }

    /**
     * Keeps this result in a run store as a child row of the run it quantized, keyed by
     * (parent run, {@link PtqSpec#fields()}); a second quantization with the same spec replaces it.
     *
     * @param store the store holding the parent run
     * @param parentKey the key of the run whose weights were quantized
     * @throws dev.prec.store.StoreException if the parent run is not in the store
     */
    public void storeIn(RunStore store, String parentKey) {
        store.putPtq(new PtqResult(parentKey, RunSpec.of(spec.fields()), lossAfter, wallSeconds));
    }
}
