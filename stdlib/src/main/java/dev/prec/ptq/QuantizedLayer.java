package dev.prec.ptq;

/**
 * A quantized linear layer: the values the model computes with and how they are stored.
 * Element (r, c) is {@code dequantized[r*C + c] = scales[r*groups + groupIndex[c]] * value(codes[r*C + c])},
 * where {@code value} is the integer itself for integer formats and the format's decoded value
 * for minifloats.
 *
 * @param name the parameter's name
 * @param rows output channels OC
 * @param cols input channels C
 * @param dequantized (OC, C) row-major
 * @param codes (OC, C) row-major, see above
 * @param scales (OC, groups) row-major, the value of one grid unit
 * @param groupIndex (C) the group of each input column: {@code c / G} in order, a permuted
 *     grouping under GPTQ's activation order (GPTQ's {@code g_idx}); all 0 per channel
 * @param damp the Hessian dampening used, as a fraction of the mean diagonal; NaN for round-to-nearest
 */
public record QuantizedLayer(String name, int rows, int cols, float[] dequantized, int[] codes, float[] scales,
                             int[] groupIndex, double damp) {

    /** @throws IllegalArgumentException if an array's length does not match the sizes */
    public QuantizedLayer {
        long n = (long) rows * cols;
        if (name == null || dequantized.length != n || codes.length != n || groupIndex.length != cols
                || scales.length % rows != 0) {
            throw new IllegalArgumentException("inconsistent quantized layer " + name);
        }
        dequantized = dequantized.clone();
        codes = codes.clone();
        scales = scales.clone();
        groupIndex = groupIndex.clone();
    }

    /** Scales per row. */
    public int groups() {
        return scales.length / rows;
    }

    @Override
    public float[] dequantized() {
        return dequantized.clone();
    }

    @Override
    public int[] codes() {
        return codes.clone();
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public int[] groupIndex() {
        return groupIndex.clone();
    }

    /** The dequantized values without a copy (package use only; never written). */
    float[] dequantizedView() {
        return dequantized;
    }
}
