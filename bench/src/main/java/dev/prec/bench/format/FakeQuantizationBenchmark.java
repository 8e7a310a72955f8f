package dev.prec.bench.format;

import dev.prec.format.Formats;
import dev.prec.format.Granularity;
import dev.prec.format.QuantSpec;
import dev.prec.format.Rounding;
import dev.prec.format.TensorQuantizer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fake quantization (quantize + dequantize, one thread) of a (ROWS, COLS) float matrix into a second
 * buffer, per format and granularity, beside a plain {@code System.arraycopy} of the same matrix in
 * the same run. Scores are elements per microsecond; each element reads 4 bytes and writes 4, so
 * GB/s = score * 8 / 1000 for every method, copy included, and the ratio of two scores is the ratio
 * of their bandwidths. The matrix (4 MiB per buffer) fits in the L3 cache, so the copy is not bound
 * by DRAM and the comparison is strict.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class FakeQuantizationBenchmark {

    /** Rows of the matrix (output channels of a weight, or tokens). */
    static final int ROWS = 1024;
    /** Columns (the reduction axis). */
    static final int COLS = 1024;
    static final int ELEMENTS = ROWS * COLS;

    /**
     * Format and granularity, {@code name/granularity[/sr]}: granularity {@code tensor},
     * {@code channel} or {@code g<size>} (block formats: {@code block}); {@code /sr} selects
     * stochastic rounding.
     */
    @Param({"int8/tensor", "int8/channel", "int8/g128", "int4/tensor", "int4/g128", "int8/tensor/sr",
        "fp8_e4m3/tensor", "fp8_e4m3/channel", "fp8_e5m2/tensor", "fp8_e4m3/tensor/sr", "fp4_e2m1/g32",
        "bf16/none", "mxfp8/block", "mxfp4/block", "nvfp4/block"})
    public String formatAndGranularity;

    private float[] src;
    private float[] dst;
    private TensorQuantizer quantizer;
    private long step;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = formatAndGranularity.split("/");
        QuantSpec spec = QuantSpec.of(Formats.byName(parts[0]));
        spec = switch (parts[1]) {
            case "tensor" -> spec.withGranularity(Granularity.PER_TENSOR);
            case "channel" -> spec.withGranularity(Granularity.PER_CHANNEL);
            case "none" -> spec.withGranularity(Granularity.NONE);
            case "block" -> spec;
            default -> spec.withGranularity(Granularity.perGroup(Integer.parseInt(parts[1].substring(1))));
        };
        if (parts.length > 2) {
            spec = spec.withRounding(Rounding.STOCHASTIC);
        }
        quantizer = spec.quantizer();
        src = new float[ELEMENTS];
        dst = new float[ELEMENTS];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ELEMENTS; i++) {
            src[i] = (float) (random.nextGaussian() * 0.02);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public float[] fakeQuantize() {
        quantizer.apply(src, 0, dst, 0, ROWS, COLS, new TensorQuantizer.RoundingKey(1, 2, step++));
        return dst;
    }

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public float[] arrayCopy() {
        System.arraycopy(src, 0, dst, 0, ELEMENTS);
        return dst;
    }
}
