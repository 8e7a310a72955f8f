package dev.prec.ptq;

/**
 * The weight of one linear layer, copied out of a model.
 *
 * @param name the parameter's name, e.g. {@code blocks.0.attn.qkv.weight}
 * @param rows output channels OC, {@code >= 1}
 * @param cols input channels C, {@code >= 1}
 * @param values (OC, C) row-major, copied
 */
public record LayerWeights(String name, int rows, int cols, float[] values) {

    /** @throws IllegalArgumentException if a size is below 1 or {@code values.length != rows * cols} */
    public LayerWeights {
        if (name == null || rows < 1 || cols < 1 || values == null || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("a layer needs a name and rows*cols values, got " + rows + "x" + cols);
        }
        values = values.clone();
    }

    /** The values, (OC, C) row-major; a copy. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** Reads the values without copying (package use only; never written). */
    float[] view() {
        return values;
    }
}
