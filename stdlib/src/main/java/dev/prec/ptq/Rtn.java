package dev.prec.ptq;

/**
 * Round-to-nearest: every weight rounded onto its group's scaled grid, independently.
 */
final class Rtn {

    private Rtn() {
    }

    /**
     * Quantizes a layer.
     *
     * @param layer the weight (OC, C)
     * @param grid the layer's format with its scale rule
     * @param groupSize elements of a row sharing a scale, {@code >= 1}; 0 for one scale per row; a
     *     block format's block size replaces it
     * @return the quantized layer; groups run over consecutive columns
     */
    static QuantizedLayer quantize(LayerWeights layer, WeightGrid grid, int groupSize) {
        int rows = layer.rows();
        int cols = layer.cols();
        int span = grid.span(groupSize, cols);
        int groups = (cols + span - 1) / span;
        float[] w = layer.view();
        float[] deq = new float[rows * cols];
        int[] codes = new int[rows * cols];
        float[] scales = new float[rows * groups];
        float[] y = new float[span];
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < groups; g++) {
                int from = r * cols + g * span;
                int n = Math.min(span, cols - g * span);
                float absmax = 0f;
                for (int i = 0; i < n; i++) {
                    absmax = Math.max(absmax, Math.abs(w[from + i]));
                }
                float s = grid.scaleFor(absmax);
                scales[r * groups + g] = s;
                float inv = 1f / s;
                for (int i = 0; i < n; i++) {
                    y[i] = w[from + i] * inv;
                }
                grid.round(y, n);
                for (int i = 0; i < n; i++) {
                    deq[from + i] = s * y[i];
                    codes[from + i] = grid.code(y[i]);
                }
            }
        }
        int[] groupIndex = new int[cols];
        for (int c = 0; c < cols; c++) {
            groupIndex[c] = c / span;
        }
        return new QuantizedLayer(layer.name(), rows, cols, deq, codes, scales, groupIndex, Double.NaN);
    }
}
