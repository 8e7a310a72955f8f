package dev.prec.ptq;

import dev.prec.format.ElementFormat;
import dev.prec.format.Granularity;
import dev.prec.format.IntFormat;
import dev.prec.format.QuantSpec;
import dev.prec.format.TensorQuantizer;

/**
 * An element format with absmax scales, as scalar operations on one weight at a time (what GPTQ
 * needs column by column): the scale of a group is {@code s = absmax / gridMax} (Kumar et al.,
 * section 2: {@code s = max|x| / Q_p}), a weight {@code w} becomes {@code s * cast(w * (1/s))}
 * with {@code cast} the format's round-to-nearest-even onto its grid, saturating. In float, exactly
 * as the formats package's per-channel and per-group quantizers compute it.
 */
final class WeightGrid {

    /** The element format. */
    private final ElementFormat format;
    /** Cast onto the grid without scaling (the formats package's reference rounding). */
    private final TensorQuantizer cast;
    /** Largest grid value, the absmax target. */
    private final float gridMax;

    /** @param format the element format, e.g. {@code Formats.integer(4)} */
    WeightGrid(ElementFormat format) {
        this.format = format;
        this.cast = new QuantSpec(format, Granularity.NONE, dev.prec.format.Rounding.NEAREST_EVEN, false)
                .referenceQuantizer();
        this.gridMax = format.maxFinite();
    }

    /**
     * The scale (value of one grid unit) of a group.
     *
     * @param absmax largest magnitude in the group, {@code >= 0}
     * @return {@code absmax / gridMax}, or 1 when that is zero, not finite, or has no finite reciprocal
     *     (a group of zeros stays zeros)
     */
    float scaleFor(float absmax) {
        float s = absmax / gridMax;
        return s > 0 && Float.isFinite(s) && Float.isFinite(1f / s) ? s : 1f;
    }

    /**
     * Rounds values already in grid units ({@code w * (1/s)}) onto the grid, in place.
     *
     * @param y values in grid units, the first {@code n} rounded
     * @param n how many, {@code 0 <= n <= y.length}
     */
    void round(float[] y, int n) {
        cast.apply(y, 0, y, 0, 1, n, TensorQuantizer.RoundingKey.NONE);
    }

    /**
     * The code stored for a grid value: the signed integer itself for integer formats, the
     * format's bit pattern ({@link ElementFormat#encode}) for minifloats.
     */
    int code(float gridValue) {
        return format instanceof IntFormat ? (int) gridValue : format.encode(gridValue);
    }

    /** The format. */
    ElementFormat format() {
        return format;
    }
}
