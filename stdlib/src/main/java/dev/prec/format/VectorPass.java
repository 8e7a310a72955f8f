package dev.prec.format;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels, equal bit for bit to {@link ScalarPass} (which also handles each group's
 * tail). Rounding uses fp32 bit arithmetic instead of the reference's division and {@code rint}:
 *
 * <ul>
 *   <li>integers: {@code (a + 1.5*2^23) - 1.5*2^23} rounds {@code a < 2^22} to an integer, ties to
 *       even, because the sum's unit in the last place is 1;</li>
 *   <li>minifloats at or above the smallest normal: add {@code 2^(k-1) - 1} plus the lowest kept bit
 *       to the fp32 bits and clear the {@code k = 23 - m} dropped bits (a carry moves to the next
 *       binade, as it should);</li>
 *   <li>minifloat subnormals: {@code (a + M) - M} with {@code M = 2^(emin - m + 23)}, whose unit in
 *       the last place is the subnormal step.</li>
 * </ul>
 * Stochastic rounding implements {@link Grid#roundStochastic}'s definition with the same integer
 * operations on 16 (or 4, 8) lanes, drawing from {@link StochasticBits} lane by lane.
 */
final class VectorPass extends Pass {

    static final VectorSpecies<Float> FLOATS =
            FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(KernelChoice.BITS));
    static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED.withShape(FLOATS.vectorShape());
    private static final int SIGN = 0x8000_0000;
    /** Lane numbers 0, 1, 2, ...: a lane's offset from the first element index of its vector. */
    private static final IntVector IOTA = IntVector.zero(INTS).addIndex(1);
    /** {@code 1.5 * 2^23}: adding and subtracting it rounds magnitudes below {@code 2^22} to integers. */
    private static final float INTEGER_MAGIC = 12582912f;

    VectorPass(Operands operands, Plan plan) {
        super(operands, plan);
    }

    /** Elements per vector. */
    static int lanes() {
        return FLOATS.length();
    }

    @Override
    float absmax(int start) {
        int lanes = FLOATS.length();
        int length = lengthAt(start);
        int base = srcBase + start;
        int bound = base + FLOATS.loopBound(length);
        FloatVector inf = FloatVector.broadcast(FLOATS, Float.POSITIVE_INFINITY);
        // Two accumulators hide the latency of the compare-and-blend chain; the maximum is exact,
        // so the order does not matter. Compare-and-blend (rather than max) skips NaN and infinity
        // and avoids the fix-ups Math.max semantics cost on x86.
        FloatVector acc0 = FloatVector.zero(FLOATS);
        FloatVector acc1 = acc0;
        int i = base;
        for (; i + lanes < bound; i += 2 * lanes) {
            FloatVector a0 = FloatVector.fromArray(FLOATS, src, i).abs();
            FloatVector a1 = FloatVector.fromArray(FLOATS, src, i + lanes).abs();
            acc0 = acc0.blend(a0, a0.compare(VectorOperators.GT, acc0).and(a0.compare(VectorOperators.LT, inf)));
            acc1 = acc1.blend(a1, a1.compare(VectorOperators.GT, acc1).and(a1.compare(VectorOperators.LT, inf)));
        }
        for (; i < bound; i += lanes) {
            FloatVector a = FloatVector.fromArray(FLOATS, src, i).abs();
            acc0 = acc0.blend(a, a.compare(VectorOperators.GT, acc0).and(a.compare(VectorOperators.LT, inf)));
        }
        // The accumulators hold non-negative finite floats, whose bit patterns order like the
        // values, so an integer max reduction (cheaper than a float one) finds the same maximum.
        float max = Float.intBitsToFloat(acc0.reinterpretAsInts().max(acc1.reinterpretAsInts())
                .reduceLanes(VectorOperators.MAX));
        for (; i < base + length; i++) {
            float a = Math.abs(src[i]);
            if (a < Float.POSITIVE_INFINITY && a > max) {
                max = a;
            }
        }
        return max;
    }

    @Override
    void cast(int start, float unit) {
        int length = lengthAt(start);
        int bound = FLOATS.loopBound(length);
        float toGrid = 1f / unit;
        if (plan.grid().integer) {
            castIntegers(start, unit);
        } else {
            castMinifloats(start, unit);
        }
        Grid grid = plan.grid();
        StochasticBits noise = plan.noise();
        for (int i = bound; i < length; i++) {
            int index = start + i;
            float y = src[srcBase + index] * toGrid;
            float q = noise == null ? grid.round(y) : grid.roundStochastic(y, noise.at(index));
            dst[dstBase + index] = Float.isNaN(q) ? Float.NaN : q * unit;
        }
    }

    /** Vector body for integer grids over the whole vectors of the group at {@code start}. */
    private void castIntegers(int start, float unit) {
        int bound = FLOATS.loopBound(lengthAt(start));
        Grid grid = plan.grid();
        StochasticBits noise = plan.noise();
        FloatVector toGrid = FloatVector.broadcast(FLOATS, 1f / unit);
        FloatVector fromGrid = FloatVector.broadcast(FLOATS, unit);
        FloatVector positiveLimit = FloatVector.broadcast(FLOATS, grid.max);
        FloatVector negativeLimit = FloatVector.broadcast(FLOATS, grid.negativeLimit);
        FloatVector magic = FloatVector.broadcast(FLOATS, INTEGER_MAGIC);
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        FloatVector nan = FloatVector.broadcast(FLOATS, Float.NaN);
        for (int i = 0; i < bound; i += FLOATS.length()) {
            FloatVector y = FloatVector.fromArray(FLOATS, src, srcBase + start + i).mul(toGrid);
            IntVector sign = y.reinterpretAsInts().and(SIGN);
            FloatVector limit = positiveLimit.blend(negativeLimit, y.test(VectorOperators.IS_NEGATIVE));
            FloatVector a = saturate(y.abs(), limit);
            FloatVector r;
            if (noise == null) {
                r = a.add(magic).sub(magic);
            } else {
                FloatVector floor = (FloatVector) a.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
                FloatVector u = (FloatVector) randomBits(noise, start + i)
                        .lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0);
                r = floor.blend(floor.add(one), u.mul(0x1p-24f).compare(VectorOperators.LT, a.sub(floor)));
            }
            FloatVector out = r.reinterpretAsInts().or(sign).reinterpretAsFloats().mul(fromGrid);
            out.blend(nan, y.test(VectorOperators.IS_NAN)).intoArray(dst, dstBase + start + i);
        }
    }

    /** Vector body for minifloat grids over the whole vectors of the group at {@code start}. */
    private void castMinifloats(int start, float unit) {
        int bound = FLOATS.loopBound(lengthAt(start));
        Grid grid = plan.grid();
        StochasticBits noise = plan.noise();
        int dropped = 23 - grid.mantissaBits;
        int droppedMask = (1 << dropped) - 1;
        FloatVector toGrid = FloatVector.broadcast(FLOATS, 1f / unit);
        FloatVector fromGrid = FloatVector.broadcast(FLOATS, unit);
        FloatVector max = FloatVector.broadcast(FLOATS, grid.max);
        FloatVector minNormal = FloatVector.broadcast(FLOATS, grid.minNormal);
        FloatVector subnormalMagic = FloatVector.broadcast(FLOATS, grid.subnormalMagic);
        FloatVector nan = FloatVector.broadcast(FLOATS, Float.NaN);
        for (int i = 0; i < bound; i += FLOATS.length()) {
            FloatVector y = FloatVector.fromArray(FLOATS, src, srcBase + start + i).mul(toGrid);
            IntVector sign = y.reinterpretAsInts().and(SIGN);
            FloatVector a = saturate(y.abs(), max);
            VectorMask<Float> subnormal = a.compare(VectorOperators.LT, minNormal);
            FloatVector r;
            if (noise == null) {
                IntVector bits = a.reinterpretAsInts();
                IntVector keptLow = bits.lanewise(VectorOperators.LSHR, dropped).and(1);
                FloatVector normal = bits.add((1 << (dropped - 1)) - 1).add(keptLow).and(~droppedMask)
                        .reinterpretAsFloats();
                r = normal.blend(a.add(subnormalMagic).sub(subnormalMagic), subnormal);
            } else {
                FloatVector shifted = a.blend(a.add(minNormal), subnormal);
                FloatVector rounded = shifted.reinterpretAsInts()
                        .add(randomBits(noise, start + i).and(droppedMask)).and(~droppedMask).reinterpretAsFloats();
                r = rounded.blend(rounded.sub(minNormal), subnormal);
            }
            FloatVector out = r.reinterpretAsInts().or(sign).reinterpretAsFloats();
            if (grid.hasInfinity) {
                out = out.blend(y, y.test(VectorOperators.IS_INFINITE));
            }
            out.mul(fromGrid).blend(nan, y.test(VectorOperators.IS_NAN)).intoArray(dst, dstBase + start + i);
        }
    }

    /**
     * {@code min(a, limit)} for {@code a >= 0} or NaN (which stays NaN), by compare and blend: cheaper
     * than {@code min}, whose Java semantics for NaN and signed zeros need fix-ups on x86.
     */
    private static FloatVector saturate(FloatVector a, FloatVector limit) {
        return a.blend(limit, a.compare(VectorOperators.GT, limit));
    }

    /** {@link StochasticBits#at} for the lanes' element indices {@code first .. first + lanes - 1}. */
    private static IntVector randomBits(StochasticBits noise, int first) {
        IntVector x = IntVector.broadcast(INTS, first).add(IOTA).mul(StochasticBits.GOLDEN).add(noise.keyLow());
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(StochasticBits.MURMUR_1);
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 13)).mul(StochasticBits.MURMUR_2);
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
        return x.lanewise(VectorOperators.XOR, noise.keyHigh());
    }
}
