package dev.prec.format;

/**
 * A number format a tensor can be fake-quantized to: an element grid ({@link ElementFormat}),
 * full fp32 ({@link Fp32Format}, the identity), or a block-scaled format ({@link BlockFormat}).
 *
 * <p>Formats are immutable values; {@link Formats} names the presets.
 */
public sealed interface NumberFormat permits ElementFormat, Fp32Format, BlockFormat {

    /** The preset name ({@code "fp8_e4m3"}, {@code "int4"}, {@code "e3m2"}, ...), as {@link Formats#byName} accepts it. */
    String name();

    /** Bits of one element, sign included (block formats: the element, without the shared scale). */
    int bits();

    /**
     * Average storage per element in bits, shared scales included (the "precision" a scaling law
     * sees): equal to {@link #bits()} for element formats; for block formats, element bits plus the
     * scale's bits divided by the block size.
     */
    default double bitsPerElement() {
        return bits();
    }
}
