package dev.prec.ptq;

import dev.prec.store.PtqResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a post-training quantization.
 *
 * @param spec what was done
 * @param eval how the losses were measured
 * @param lossBefore validation loss of the model as given, nats per token (L_pre)
 * @param lossAfter validation loss of the quantized model, nats per token (L_post); may be NaN or
 *     infinite for a model the quantization broke
 * @param layers the reconstruction error of every quantized layer, in forward order
 * @param quantized every quantized layer, in forward order
 * @param model the quantized model: the given weights with every quantized layer's dequantized values
 * @param wallSeconds wall time of calibration, quantization and both evaluations, {@code >= 0}
 */
public record PtqReport(PtqSpec spec, Evaluation eval, double lossBefore, double lossAfter, List<LayerError> layers,
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

    /** The largest dampening fraction any layer used; NaN for round-to-nearest. */
    public double dampUsed() {
        return layers.stream().mapToDouble(LayerError::damp).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    /** The key of this result under its parent run: {@link PtqSpec#storeSpec} of its spec and evaluation. */
    public RunSpec storeSpec() {
        return spec.storeSpec(eval);
    }

    /**
     * This result as a run store row.
     *
     * @param parentKey the key of the run whose weights were quantized
     * @param checkpoint where the quantized model was written, if it was
     * @return the row, keyed by (parent run, {@link #storeSpec()})
     */
    public PtqResult toStored(String parentKey, Optional<Path> checkpoint) {
        List<PtqResult.Layer> rows = layers.stream()
                .map(l -> new PtqResult.Layer(l.name(), l.error(), l.relative(), l.damp())).toList();
        return new PtqResult(parentKey, storeSpec(), new PtqResult.Losses(lossBefore, lossAfter), rows,
                Optional.of(new PtqResult.Calibration(spec.calibration().sequences(), spec.calibration().seed())),
                checkpoint.map(Path::toString), wallSeconds);
    }

    /**
     * Keeps this result in a run store as a child row of the run it quantized (see
     * {@link #toStored}); a second quantization with the same spec and evaluation replaces it.
     *
     * @param store the store holding the parent run
     * @param parentKey the key of the run whose weights were quantized
     * @param checkpoint where the quantized model was written, if it was
     * @throws dev.prec.store.StoreException if the parent run is not in the store
     */
    public void storeIn(RunStore store, String parentKey, Optional<Path> checkpoint) {
        store.putPtq(toStored(parentKey, checkpoint));
    }
}
