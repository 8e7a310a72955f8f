package dev.prec.ptq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.format.BlockFormat;
import dev.prec.format.ElementFormat;
import dev.prec.format.Formats;
import dev.prec.format.IntFormat;
import dev.prec.format.QuantSpec;
import dev.prec.format.TensorQuantizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round-to-nearest and GPTQ onto MX and NVFP4 block formats, on single layers. */
class BlockFormatPtqTest {

    private static final int ROWS = 10;
    /** Not a multiple of 32 or 16: every row ends with a short block. */
    private static final int COLS = 72;
    private static final int TOKENS = 400;
    private static final List<String> FORMATS = List.of("mxfp8", "mxfp8_e5m2", "mxfp6", "mxfp4", "mxint8", "nvfp4");

    private static LayerWeights layer(long seed) {
        Random r = new Random(seed);
        float[] w = new float[ROWS * COLS];
        for (int i = 0; i < w.length; i++) {
            // Channels of different magnitudes, so blocks get different shared scales.
            w[i] = (float) (0.02 * (1 + (i % COLS) % 5) * r.nextGaussian());
        }
        return new LayerWeights("layer", ROWS, COLS, w);
    }

    private static double[] gram(long seed) {
        Random r = new Random(seed);
        double[] x = new double[TOKENS * COLS];
        for (int t = 0; t < TOKENS; t++) {
            double common = r.nextGaussian();
            for (int c = 0; c < COLS; c++) {
                x[t * COLS + c] = (0.3 + c % 7) * (r.nextGaussian() + 0.7 * common);
            }
        }
        double[] g = new double[COLS * COLS];
        for (int t = 0; t < TOKENS; t++) {
            for (int i = 0; i < COLS; i++) {
                for (int j = 0; j < COLS; j++) {
                    g[i * COLS + j] += x[t * COLS + i] * x[t * COLS + j];
                }
            }
        }
        return g;
    }

    private static float absmax(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static BlockFormat block(String name) {
        return (BlockFormat) Formats.byName(name);
    }

    @Test
    void roundToNearestOntoEveryBlockFormatIsTheFormatsPackagesQuantizerBitForBit() {
        LayerWeights w = layer(1);
        for (String name : FORMATS) {
            BlockFormat f = block(name);
            float[] expected = new float[ROWS * COLS];
            QuantSpec.of(f).referenceQuantizer().apply(w.values(), 0, expected, 0, ROWS, COLS,
                    TensorQuantizer.RoundingKey.NONE);
            QuantizedLayer q = Rtn.quantize(w, new WeightGrid(f, absmax(w.values())), 0);
            assertArrayEquals(expected, q.dequantized(), name);
            assertEquals((COLS + f.blockSize() - 1) / f.blockSize(), q.groups(), name);
        }
    }

    @Test
    void gptqAndRoundToNearestDequantizeToValuesTheBlockFormatRepresents() {
        LayerWeights w = layer(2);
        double[] xtx = gram(3);
        for (String name : FORMATS) {
            BlockFormat f = block(name);
            WeightGrid grid = new WeightGrid(f, absmax(w.values()));
            for (QuantizedLayer q : List.of(Rtn.quantize(w, grid, 0),
                    Gptq.quantize(w, xtx, grid, 0, GptqOptions.DEFAULT.withBlockSize(40)))) {
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < COLS; c++) {
                        assertEquals(c / f.blockSize(), q.groupIndex()[c], "blocks are consecutive columns");
                        float s = q.scales()[r * q.groups() + c / f.blockSize()];
                        assertScaleIsEncodable(f, s, absmax(w.values()), name);
                        int code = q.codes()[r * COLS + c];
                        float element = elementValue(f.element(), code, name);
                        assertEquals(s * element, q.dequantized()[r * COLS + c], 0f, name + " at " + r + "," + c);
                    }
                }
            }
        }
    }

    /** The element a code stands for, checking the code is one the format uses. */
    private static float elementValue(ElementFormat e, int code, String name) {
        if (e instanceof IntFormat i) {
            assertTrue(code >= -(1 << (i.bits() - 1)) && code < (1 << (i.bits() - 1)), name + " code " + code);
            return code;
        }
        assertTrue(code >= 0 && code < (1 << e.bits()) && e.usesCode(code), name + " code " + code);
        float v = e.decode(code);
        assertTrue(Float.isFinite(v), name + " code " + code + " decodes to " + v);
        return v;
    }

    /**
     * MX: a power of two whose exponent an E8M0 byte holds (times MXINT8's 2^-6); NVFP4: an
     * fp8_e4m3 value times the tensor scale absmax / (448 * 6).
     */
    private static void assertScaleIsEncodable(BlockFormat f, float s, float tensorAbsmax, String name) {
        if (f.scale() == BlockFormat.BlockScale.E8M0) {
            int implicit = f.element() instanceof IntFormat ? -6 : 0;
            int e = Math.getExponent(s);
            assertEquals(Math.scalb(1f, e), s, 0f, name + " scale " + s + " is a power of two");
            assertTrue(e - implicit >= -127 && e - implicit <= 127, name + " scale exponent " + e);
        } else {
            float g = tensorAbsmax / (448f * 6f);
            ElementFormat e4m3 = Formats.FP8_E4M3;
            boolean found = false;
            for (int code = 0; code < 256; code++) {
                found |= e4m3.usesCode(code) && e4m3.decode(code) > 0 && e4m3.decode(code) * g == s;
            }
            assertTrue(found, name + " scale " + s + " is an e4m3 value times " + g);
        }
    }

    @Test
    void gptqOntoBlockFormatsReconstructsAtLeastAsWellAsRoundToNearest() {
        LayerWeights w = layer(4);
        double[] xtx = gram(5);
        for (String name : List.of("mxfp4", "nvfp4", "mxfp6")) {
            WeightGrid grid = new WeightGrid(block(name), absmax(w.values()));
            double gptq = PostTrainingQuantizer.reconstructionError(w, Gptq.quantize(w, xtx, grid, 0,
                    GptqOptions.DEFAULT), xtx).error();
            double rtn = PostTrainingQuantizer.reconstructionError(w, Rtn.quantize(w, grid, 0), xtx).error();
            assertTrue(gptq < rtn, name + ": gptq " + gptq + " rtn " + rtn);
        }
    }

    @Test
    void aBlockFormatTakesItsBlockAsTheGroupAndRefusesOtherGroupsAndActOrder() {
        assertEquals(32, PtqSpec.of(PtqSpec.Method.RTN, Formats.byName("mxfp4"), 0).groupSize());
        assertEquals(16, PtqSpec.of(PtqSpec.Method.GPTQ, Formats.byName("nvfp4"), 16).groupSize());
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> PtqSpec.of(PtqSpec.Method.GPTQ, Formats.byName("mxfp4"), 64));
        assertTrue(group.getMessage().contains("blocks of 32"), group.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> PtqSpec.of(PtqSpec.Method.GPTQ, Formats.byName("mxfp4"), 0)
                        .withGptq(GptqOptions.DEFAULT.withActOrder(true)));
        assertTrue(order.getMessage().contains("act_order"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PtqSpec.of(PtqSpec.Method.RTN, Formats.FP32, 0));
    }
}
