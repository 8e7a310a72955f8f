package dev.prec.ptq;

/**
 * How well one quantized layer reproduces its outputs on the calibration data: with X the layer's
 * calibration inputs (N, C) as seen while quantizing (every earlier layer already quantized),
 * {@code error = ||X Wᵀ - X Q(W)ᵀ||²} summed over all N tokens and OC outputs.
 *
 * @param name the weight's name
 * @param error the squared reconstruction error, {@code >= 0}
 * @param relative {@code error / ||X Wᵀ||²}, {@code >= 0}; NaN when the outputs are all zero
 * @param damp the GPTQ dampening fraction used (raised from the requested one if the Hessian
 *     needed it); NaN for round-to-nearest
 */
public record LayerError(String name, double error, double relative, double damp) {
}
