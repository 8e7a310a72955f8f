/**
 * Number formats and fake quantization: the grids a tensor can be rounded to, how a tensor is scaled
 * onto a grid, and the quantizers the trainer and post-training quantization apply.
 *
 * <p>Entry points: {@link dev.prec.format.Formats} names every preset format;
 * {@link dev.prec.format.QuantSpec} combines a format with a {@link dev.prec.format.Granularity} and a
 * {@link dev.prec.format.Rounding} and yields a {@link dev.prec.format.TensorQuantizer};
 * {@link dev.prec.format.ValueTable} lists every value of a format.
 *
 * <p>Layout legend: matrices are row-major (rows, cols). For a weight (OC, C) a row is an output
 * channel; for activations (BT, C) a row is a token. Groups of G run along a row.
 *
 * <p>Fake quantization of one element with scale s (the "grid step" multiplier) is
 * {@code x_hat = s * cast(x * (1 / s))}, where {@code cast} rounds onto the element grid with
 * saturation. Special values: NaN stays NaN (the canonical {@code Float.NaN}); infinities become
 * infinities in formats that have them and the largest finite magnitude otherwise; the sign of a
 * zero result follows the input. Scales come from the absolute maximum of the finite elements of the
 * tensor, row or group; when that is zero (or so small that its reciprocal overflows) the scale is 1.
 *
 * <p>Two implementations share one definition: a scalar reference and a Vector API kernel, equal bit
 * for bit (tested exhaustively for formats of 8 bits or fewer).
 */
package dev.prec.format;
