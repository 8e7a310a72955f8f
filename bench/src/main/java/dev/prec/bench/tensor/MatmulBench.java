package dev.prec.bench.tensor;

import dev.prec.tensor.Matmul;
import dev.prec.tensor.MatmulShape;
import dev.prec.tensor.Matmuls;
import dev.prec.tensor.WorkPool;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one matrix product of {@link Matmuls#best()} in the shapes of the benchmark
 * configurations' linear layers (the list of {@code shared/peers/torch_train.py}'s
 * {@code bench_shape}), in each of the three training forms.
 *
 * <p>{@code layer} is {@code BTxINxOUT}: tokens per batch, input and output features of a linear
 * layer. {@code form} picks the product: {@code abT} the forward pass (m=BT, n=OUT, k=IN),
 * {@code ab} the input gradient (m=BT, n=IN, k=OUT), {@code aTb} the weight gradient
 * (m=OUT, n=IN, k=BT). All have 2*BT*IN*OUT flops; GFLOP/s = that / the reported time.
 * {@link MatmulGflops} runs this and prints GFLOP/s and the share of peak.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatmulBench {

    @Param({"2048x64x192", "2048x128x512", "2048x512x128", "2048x256x1024", "2048x1024x256", "2048x256x256"})
    public String layer;

    @Param({"abT", "ab", "aTb"})
    public String form;

    @Param({"2"})
    public int threads;

    private WorkPool pool;
    private Matmul matmul;
    private MatmulShape shape;
    private float[] out;
    private float[] a;
    private float[] b;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = layer.split("x");
        int bt = Integer.parseInt(parts[0]);
        int in = Integer.parseInt(parts[1]);
        int outFeatures = Integer.parseInt(parts[2]);
        shape = switch (form) {
            case "abT" -> new MatmulShape(bt, outFeatures, in);
            case "ab" -> new MatmulShape(bt, in, outFeatures);
            case "aTb" -> new MatmulShape(outFeatures, in, bt);
            default -> throw new IllegalArgumentException("form must be abT, ab or aTb, got " + form);
        };
        pool = new WorkPool(threads);
        matmul = Matmuls.best(pool);
        SplittableRandom rnd = new SplittableRandom(1);
        out = new float[shape.m() * shape.n()];
        a = random(shape.m() * shape.k(), rnd);
        b = random(shape.k() * shape.n(), rnd);
    }

    private static float[] random(int size, SplittableRandom rnd) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() - 0.5);
        }
        return x;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public float[] product() {
        switch (form) {
            case "abT" -> matmul.abT(out, 0, a, 0, b, 0, shape, false);
            case "ab" -> matmul.ab(out, 0, a, 0, b, 0, shape, false);
            default -> matmul.aTb(out, 0, a, 0, b, 0, shape, false);
        }
        return out;
    }
}
