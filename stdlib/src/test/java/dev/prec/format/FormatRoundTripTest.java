package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code of every preset element format (fp16 and bf16 included) survives decode, encode and quantization. */
class FormatRoundTripTest {

    static Stream<String> elementFormats() {
        return Formats.names().stream().filter(n -> Formats.byName(n) instanceof ElementFormat);
    }

    @ParameterizedTest
    @MethodSource("elementFormats")
    void everyCodeDecodesEncodesAndQuantizesToItself(String name) {
        ElementFormat format = (ElementFormat) Formats.byName(name);
        int n = format.codeCount();
        float[] values = new float[n];
        int used = 0;
        for (int code = 0; code < n; code++) {
            if (format.usesCode(code)) {
                values[used++] = format.decode(code);
            }
        }
        float[] reference = new float[used];
        float[] fast = new float[used];
        QuantSpec spec = new QuantSpec(format, Granularity.NONE, Rounding.NEAREST_EVEN, false);
        spec.referenceQuantizer().apply(values, 0, reference, 0, 1, used, TensorQuantizer.RoundingKey.NONE);
        spec.quantizer().apply(values, 0, fast, 0, 1, used, TensorQuantizer.RoundingKey.NONE);
        int i = 0;
        for (int code = 0; code < n; code++) {
            if (!format.usesCode(code)) {
                continue;
            }
            float v = values[i];
            if (Float.isNaN(v)) {
                assertTrue(Float.isNaN(format.decode(format.encode(v))), name + " NaN code " + code);
                assertTrue(Float.isNaN(reference[i]) && Float.isNaN(fast[i]), name + " NaN code " + code);
            } else {
                assertEquals(code, format.encode(v), name + " value " + v);
                assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(reference[i]), name + " reference, code " + code);
                assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(fast[i]), name + " fast path, code " + code);
            }
            i++;
        }
    }
}
