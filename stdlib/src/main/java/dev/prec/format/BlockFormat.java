package dev.prec.format;

/**
 * A block-scaled format: consecutive blocks of {@code blockSize} elements along a row share one
 * scale, and each element is a code of {@code element}.
 *
 * <p>{@link BlockScale#E8M0} follows the OCP Microscaling Formats (MX) Specification v1.0, section
 * 6.3: the shared scale is {@code X = 2^(floor(log2(absmax)) - emax)}, where {@code emax} is the
 * exponent of the element format's largest normal number, clamped to the E8M0 range
 * {@code 2^-127..2^127}; elements are {@code cast(x / X)} with saturation. MXINT8 elements are 8-bit
 * integers with an implicit scale of {@code 2^-6} (so their {@code emax} is 0).
 *
 * <p>{@link BlockScale#E4M3} is the NVFP4 recipe: a per-tensor fp32 scale
 * {@code g = absmax(tensor) / (448 * 6)} maps the block scales into fp8_e4m3's range, and each block
 * scale is {@code e4m3(absmax(block) / (6 * g))}, so the element scale is that times {@code g}.
 *
 * <p>A row whose length is not a multiple of the block size ends with a shorter block. NaN elements
 * stay NaN without affecting their block (the MX specification instead marks the whole block NaN).
 *
 * @param name the preset name
 * @param element the element grid
 * @param blockSize elements per block, {@code blockSize >= 1}
 * @param scale how the shared scale is encoded
 */
public record BlockFormat(String name, ElementFormat element, int blockSize, BlockScale scale) implements NumberFormat {

    /** Encoding of a block's shared scale. */
    public enum BlockScale {
        /** 8-bit power of two, exponent bias 127 (MX). */
        E8M0,
        /** fp8_e4m3, times a per-tensor fp32 scale (NVFP4). */
        E4M3
    }

    /**
     * @throws IllegalArgumentException if {@code name} is blank, {@code element} or {@code scale} is
     *     null, or {@code blockSize < 1}
     */
    public BlockFormat {
        if (name == null || name.isBlank() || element == null || scale == null) {
            throw new IllegalArgumentException("a block format needs a name, an element format and a scale encoding");
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be at least 1, got " + blockSize);
        }
    }

    @Override
    public int bits() {
        return element.bits();
    }

    @Override
    public double bitsPerElement() {
        return element.bits() + 8.0 / blockSize;
    }

    /** The granularity these blocks impose: groups of {@code blockSize} along a row. */
    public Granularity granularity() {
        return Granularity.perGroup(blockSize);
    }
}
