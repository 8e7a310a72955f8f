package dev.prec.format;

/** How a group's scale follows from the absolute maximum of its finite elements. */
sealed interface ScaleRule {

    /** Whether the rule needs each group's absmax (false: one scale for every group). */
    boolean perGroup();

    /**
     * The scale of a group: the value of one grid unit, so {@code x_hat = unit * cast(x * (1 / unit))}.
     *
     * @param absmax largest magnitude among the group's finite elements, {@code >= 0}; ignored when
     *     {@link #perGroup()} is false
     * @return the unit, {@code > 0}, finite, with a finite reciprocal (see {@link #checkedUnit})
     */
    float unitFor(float absmax);

    /**
     * {@code unit}, or 1 when it is zero, not finite, or so small that its reciprocal overflows (so a
     * tensor of zeros stays zeros and no scale produces infinities).
     */
    static float checkedUnit(float unit) {
        return unit > 0 && !Float.isInfinite(unit) && !Float.isInfinite(1f / unit) ? unit : 1f;
    }

    /**
     * One scale for everything (no scaling, or a per-tensor scale computed beforehand).
     *
     * @param unit the grid unit, already checked by {@link #checkedUnit}
     */
    record Fixed(float unit) implements ScaleRule {
        @Override
        public boolean perGroup() {
            return false;
        }

        @Override
        public float unitFor(float absmax) {
            return unit;
        }
    }

    /**
     * The paper's absmax scale: the group's absmax maps to the grid's largest value.
     *
     * @param gridMax largest grid value ({@code qMax}, or a minifloat's max), {@code > 0}
     */
    record Absmax(float gridMax) implements ScaleRule {
        @Override
        public boolean perGroup() {
            return true;
        }

        @Override
        public float unitFor(float absmax) {
            return checkedUnit(absmax / gridMax);
        }
    }

    /**
     * The MX shared scale (OCP MX v1.0 section 6.3): {@code X = 2^clamp(floor(log2 absmax) - emax, -127, 127)},
     * times the element's implicit scale {@code 2^elementExponent} (MXINT8: {@code 2^-6}).
     *
     * @param emax exponent of the element format's largest normal value, in real units
     * @param elementExponent exponent of one grid unit of the element (0 for floats, -6 for MXINT8)
     */
    record PowerOfTwo(int emax, int elementExponent) implements ScaleRule {
        @Override
        public boolean perGroup() {
            return true;
        }

        @Override
        public float unitFor(float absmax) {
            // floor(log2 0) is -infinity, which the E8M0 range clamps to -127.
            int log2 = absmax > 0 ? Math.getExponent((double) absmax) : -127;
            int shared = Math.clamp(log2 - emax, -127, 127);
            return checkedUnit((float) Math.scalb(1.0, shared + elementExponent));
        }
    }

    /**
     * The NVFP4 two-level scale: a block scale {@code e4m3(absmax / (gridMax * tensorScale))} times
     * the per-tensor fp32 {@code tensorScale}.
     *
     * @param tensorScale the per-tensor scale {@code absmax(tensor) / (448 * gridMax)}, {@code > 0}
     * @param gridMax the element grid's largest value (6 for fp4_e2m1)
     * @param scaleGrid the fp8_e4m3 grid the block scale is rounded to (nearest even, saturating)
     */
    record TwoLevel(float tensorScale, float gridMax, Grid scaleGrid) implements ScaleRule {
        @Override
        public boolean perGroup() {
            return true;
        }

        @Override
        public float unitFor(float absmax) {
            float blockScale = scaleGrid.round(absmax / (gridMax * tensorScale));
            return checkedUnit(blockScale * tensorScale);
        }
    }
}
