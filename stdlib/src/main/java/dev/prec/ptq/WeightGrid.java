package dev.prec.ptq;

import dev.prec.format.BlockFormat;
import dev.prec.format.ElementFormat;
import dev.prec.format.Formats;
import dev.prec.format.Fp32Format;
import dev.prec.format.Granularity;
import dev.prec.format.IntFormat;
import dev.prec.format.NumberFormat;
import dev.prec.format.QuantSpec;
import dev.prec.format.Rounding;
import dev.prec.format.TensorQuantizer;

/**
 * A format's grid with its group scales, as scalar operations on one weight at a time (what GPTQ
 * needs column by column), for one layer. A weight {@code w} of a group with scale (grid unit)
 * {@code s} becomes {@code s * cast(w * (1/s))}, {@code cast} the element format's
 * round-to-nearest-even onto its grid, saturating. The scale of a group follows from its absmax,
 * computed in float exactly as the formats package's quantizers compute it:
 * <ul>
 * <li>element formats (int, minifloat): {@code s = absmax / gridMax} (Kumar et al., section 2:
 *     {@code s = max|x| / Q_p});
 * <li>MX block formats (E8M0 scale; OCP Microscaling Formats v1.0, section 6.3):
 *     {@code s = 2^clamp(floor(log2 absmax) - emax, -127, 127)} times the element's implicit unit
 *     ({@code 2^-6} for MXINT8's integers);
 * <li>NVFP4 (e4m3 block scale under a per-tensor fp32 scale {@code g = absmax(layer) / (448 * 6)}):
 *     {@code s = e4m3(absmax / (6 g)) * g}, with {@code g} from the layer's weights as given.
 * </ul>
 */
final class WeightGrid {

    /** OCP fp8_e4m3's largest value, the range NVFP4's tensor scale maps block scales into. */
    private static final float E4M3_MAX = 448f;

    /** The element format of the grid. */
    private final ElementFormat element;
    /** Cast onto the element grid without scaling (the formats package's reference rounding). */
    private final TensorQuantizer cast;
    /** Largest element grid value, the absmax target. */
    private final float gridMax;
    /** The block format, or null for an element format with absmax scales. */
    private final BlockFormat block;
    /** MX: {@code emax} of the shared-scale rule, in real units. */
    private final int emax;
    /** MX: exponent of one element grid unit (0 for floats, -6 for MXINT8). */
    private final int elementExponent;
    /** NVFP4: the per-tensor scale g, {@code > 0}. */
    private final float tensorScale;
    /** NVFP4: rounds a block scale onto fp8_e4m3, else null. */
    private final TensorQuantizer scaleCast;

    /**
     * @param format an element format (int, minifloat) or a block format (MX, NVFP4)
     * @param tensorAbsmax largest magnitude of the layer's weights, {@code >= 0} (used by NVFP4 only)
     * @throws IllegalArgumentException if {@code format} is fp32
     */
    WeightGrid(NumberFormat format, float tensorAbsmax) {
        this.element = switch (format) {
            case ElementFormat e -> e;
            case BlockFormat b -> b.element();
            case Fp32Format f -> throw new IllegalArgumentException("fp32 has no grid to quantize onto");
        };
        this.block = format instanceof BlockFormat b ? b : null;
        this.cast = exactCast(element);
        this.gridMax = element.maxFinite();
        this.elementExponent = element instanceof IntFormat i ? -(i.bits() - 2) : 0;
        this.emax = Math.getExponent(gridMax) + elementExponent;
        boolean twoLevel = block != null && block.scale() == BlockFormat.BlockScale.E4M3;
        float g = tensorAbsmax / (E4M3_MAX * gridMax);
        this.tensorScale = twoLevel && g > 0 && Float.isFinite(g) ? g : 1f;
        this.scaleCast = twoLevel ? exactCast(Formats.FP8_E4M3) : null;
    }

    /** For an element format (no per-tensor statistic needed). */
    WeightGrid(ElementFormat format) {
        this(format, 0f);
    }

    private static TensorQuantizer exactCast(ElementFormat f) {
        return new QuantSpec(f, Granularity.NONE, Rounding.NEAREST_EVEN, false).referenceQuantizer();
    }

    /**
     * The elements of a row sharing a scale: a block format's block size, else {@code groupSize}.
     *
     * @param groupSize requested group, {@code >= 0} (0: the whole row)
     * @param cols row length, {@code >= 1}
     * @return the span, {@code 1..cols}
     */
    int span(int groupSize, int cols) {
        int g = block != null ? block.blockSize() : groupSize;
        return g == 0 ? cols : Math.min(g, cols);
    }

    /**
     * The scale (value of one grid unit) of a group.
     *
     * @param absmax largest magnitude in the group, {@code >= 0}
     * @return the unit by the format's rule, or 1 when that is zero, not finite, or has no finite
     *     reciprocal (a group of zeros stays zeros)
     */
    float scaleFor(float absmax) {
        if (block == null) {
            return checked(absmax / gridMax);
        }
        return switch (block.scale()) {
            case E8M0 -> {
                // floor(log2 0) is -infinity, which the E8M0 range clamps to -127.
                int log2 = absmax > 0 ? Math.getExponent((double) absmax) : -127;
                int shared = Math.clamp(log2 - emax, -127, 127);
                yield checked((float) Math.scalb(1.0, shared + elementExponent));
            }
            case E4M3 -> {
                float[] s = {absmax / (gridMax * tensorScale)};
                scaleCast.apply(s, 0, s, 0, 1, 1, TensorQuantizer.RoundingKey.NONE);
                yield checked(s[0] * tensorScale);
            }
        };
    }

    private static float checked(float unit) {
        return unit > 0 && Float.isFinite(unit) && Float.isFinite(1f / unit) ? unit : 1f;
    }

    /** NVFP4's per-tensor scale g of this layer; 1 for other formats. */
    float tensorScale() {
        return tensorScale;
    }

    /**
     * Rounds values already in grid units ({@code w * (1/s)}) onto the element grid, in place.
     *
     * @param y values in grid units, the first {@code n} rounded
     * @param n how many, {@code 0 <= n <= y.length}
     */
    void round(float[] y, int n) {
        cast.apply(y, 0, y, 0, 1, n, TensorQuantizer.RoundingKey.NONE);
    }

    /**
     * The code stored for a grid value: the signed integer itself for integer elements, the
     * element format's bit pattern ({@link ElementFormat#encode}) for minifloats.
     */
    int code(float gridValue) {
        return element instanceof IntFormat ? (int) gridValue : element.encode(gridValue);
    }

    /** The element format. */
    ElementFormat element() {
        return element;
    }
}
