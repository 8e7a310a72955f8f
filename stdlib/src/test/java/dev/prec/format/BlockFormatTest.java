package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MX and NVFP4 blocks against a direct transcription of their definitions: the OCP MX v1.0 shared
 * exponent {@code floor(log2 absmax) - emax} (emax from the specification's tables, not computed)
 * and the NVFP4 two-level scale, with element rounding by {@link NearestOracle}.
 */
class BlockFormatTest {

    /** emax of each MX element format, OCP MX v1.0 tables 1 and 2 (MXINT8's elements are k * 2^-6). */
    private static final Map<String, Integer> EMAX = Map.of(
            "mxfp8_e4m3", 8, "mxfp8_e5m2", 15, "mxfp6_e3m2", 4, "mxfp6_e2m3", 2, "mxfp4", 2, "mxint8", 0);

    @Test
    void mxBlocksShareThePowerOfTwoScaleOfTheSpecification() {
        int rows = 4;
        int cols = 100; // three full blocks of 32 and a short one of 4 per row
        float[] x = ScalingTest.gaussian(rows * cols, 21);
        for (int i = 0; i < x.length; i += 37) {
            x[i] *= (float) Math.pow(2, (i % 11) - 5); // blocks of different magnitudes
        }
        for (Map.Entry<String, Integer> e : EMAX.entrySet()) {
            BlockFormat format = (BlockFormat) Formats.byName(e.getKey());
            NearestOracle oracle = new NearestOracle(format.element());
            double elementUnit = format.element() instanceof IntFormat ? 0x1p-6 : 1.0;
            float[] expected = new float[x.length];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c += 32) {
                    int first = r * cols + c;
                    int end = first + Math.min(32, cols - c);
                    float absmax = 0f;
                    for (int i = first; i < end; i++) {
                        absmax = Math.max(absmax, Math.abs(x[i]));
                    }
                    int shared = Math.clamp((long) Math.floor(Math.log(absmax) / Math.log(2) + 1e-12) - e.getValue(), -127, 127);
                    double unit = Math.scalb(elementUnit, shared);
                    for (int i = first; i < end; i++) {
                        expected[i] = (float) (oracle.round((float) (x[i] / unit)) * unit);
                    }
                }
            }
            for (TensorQuantizer q : new TensorQuantizer[] {QuantSpec.of(format).referenceQuantizer(), QuantSpec.of(format).quantizer()}) {
                float[] out = new float[x.length];
                q.apply(x, 0, out, 0, rows, cols, TensorQuantizer.RoundingKey.NONE);
                assertArrayEquals(ScalingTest.bits(expected), ScalingTest.bits(out), e.getKey());
            }
        }
    }

    @Test
    void nvfp4UsesAnE4m3BlockScaleUnderAPerTensorScale() {
        int cols = 48;
        float[] x = ScalingTest.gaussian(2 * cols, 22);
        x[3] = 40f;
        NearestOracle fp4 = new NearestOracle(Formats.FP4_E2M1);
        NearestOracle e4m3 = new NearestOracle(Formats.FP8_E4M3);
        float tensorScale = 40f / (448f * 6f);
        float[] expected = new float[x.length];
        for (int first = 0; first < x.length; first += 16) {
            float absmax = 0f;
            for (int i = first; i < first + 16; i++) {
                absmax = Math.max(absmax, Math.abs(x[i]));
            }
            float unit = e4m3.round(absmax / (6f * tensorScale)) * tensorScale;
            for (int i = first; i < first + 16; i++) {
                expected[i] = fp4.round(x[i] * (1f / unit)) * unit;
            }
        }
        float[] out = new float[x.length];
        QuantSpec.of(Formats.byName("nvfp4")).quantizer().apply(x, 0, out, 0, 2, cols, TensorQuantizer.RoundingKey.NONE);
        assertArrayEquals(ScalingTest.bits(expected), ScalingTest.bits(out));
        assertEquals(40f, out[3], 40f * 1e-6f);
    }
}
