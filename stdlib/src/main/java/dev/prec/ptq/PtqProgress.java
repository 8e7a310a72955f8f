package dev.prec.ptq;

/** Receives one call per quantized layer, on the quantizing thread; may throw to stop the work. */
@FunctionalInterface
public interface PtqProgress {

    /** Ignores progress. */
    PtqProgress NONE = (layer, done, total) -> { };

    /**
     * @param layer the layer just quantized and its error
     * @param done layers quantized so far, {@code 1..total}
     * @param total layers to quantize
     */
    void layerDone(LayerError layer, int done, int total);
}
