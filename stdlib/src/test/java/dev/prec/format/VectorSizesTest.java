package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API pass equals the reference bit for bit at row lengths around the vector width
 * (1, lanes-1, lanes, lanes+1, 4*lanes+3 and large), for every granularity, both roundings and the
 * block formats.
 */
class VectorSizesTest {

    static Stream<QuantSpec> specs() {
        return Stream.of(
                QuantSpec.of(Formats.integer(8)),
                QuantSpec.of(Formats.integer(4)).withGranularity(Granularity.PER_CHANNEL),
                QuantSpec.of(Formats.byName("int2_narrow")).withGranularity(Granularity.perGroup(5)),
                QuantSpec.of(Formats.integer(16)).withGranularity(Granularity.PER_TOKEN),
                QuantSpec.of(Formats.FP8_E4M3),
                QuantSpec.of(Formats.FP8_E5M2).withGranularity(Granularity.perGroup(7)),
                QuantSpec.of(Formats.paperFloat(3)).withGranularity(Granularity.PER_CHANNEL),
                QuantSpec.of(Formats.BF16),
                QuantSpec.of(Formats.FP16),
                QuantSpec.of(Formats.integer(6)).withRounding(Rounding.STOCHASTIC),
                QuantSpec.of(Formats.FP6_E2M3).withGranularity(Granularity.perGroup(16)).withRounding(Rounding.STOCHASTIC),
                QuantSpec.of(Formats.byName("mxfp4")),
                QuantSpec.of(Formats.byName("mxfp8_e5m2")),
                QuantSpec.of(Formats.byName("mxint8")),
                QuantSpec.of(Formats.byName("nvfp4")).withRounding(Rounding.STOCHASTIC));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void vectorPassEqualsReferenceAtEveryTailLength(QuantSpec spec) {
        assumeTrue(KernelChoice.enabled(), "the Vector API (jdk.incubator.vector) is not available");
        int lanes = VectorPass.lanes();
        TensorQuantizer.RoundingKey key = new TensorQuantizer.RoundingKey(7, 1, 2);
        for (int cols : IntStream.of(1, lanes - 1, lanes, lanes + 1, 4 * lanes + 3, 4099).toArray()) {
            int rows = 3;
            float[] x = ScalingTest.gaussian(rows * cols, cols);
            x[x.length / 2] *= 1e3f; // one outlier to exercise saturation of the others' scales
            float[] reference = new float[x.length];
            float[] vector = new float[x.length];
            spec.referenceQuantizer().apply(x, 0, reference, 0, rows, cols, key);
            new FakeQuantizer(spec, true, 1).apply(x, 0, vector, 0, rows, cols, key);
            assertArrayEquals(ScalingTest.bits(reference), ScalingTest.bits(vector), spec + " with rows of " + cols);
        }
    }
}
