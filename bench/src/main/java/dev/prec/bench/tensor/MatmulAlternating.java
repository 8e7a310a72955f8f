package dev.prec.bench.tensor;

import dev.prec.tensor.Matmul;
import dev.prec.tensor.MatmulShape;
import dev.prec.tensor.Matmuls;
import dev.prec.tensor.WorkPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GFLOP/s of {@link Matmuls#best()} with the three training forms of each layer shape alternated
 * call by call (abT, ab, aTb, abT, ...) and medians reported, as {@code shared/design/BENCHMARKS.md}
 * asks on a noisy shared machine: load from other processes then hits the three forms alike, where
 * JMH's one-form-after-another order lets it land on one of them.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.prec.bench.tensor.MatmulAlternating [threads] [secondsPerLayer] [layer,...]} with layers as
 * {@code BTxINxOUT} (defaults: 2 threads, 8 s, the six layers of {@link MatmulBench}). Prints a
 * Markdown table with the share of the FMA ceiling {@link FmaPeak} measures in the same process.
 */
public final class MatmulAlternating {

    private static final String[] FORMS = {"abT", "ab", "aTb"};

    private MatmulAlternating() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        String[] layers = args.length > 2 ? args[2].split(",")
                : new String[] {"2048x64x192", "2048x128x512", "2048x512x128", "2048x256x1024", "2048x1024x256", "2048x256x256"};
        double peak = FmaPeak.gflops(threads);
        System.out.printf("measured FMA peak on %d thread(s): %.1f GFLOP/s%n", threads, peak);
        System.out.println("| layer BTxINxOUT | form | threads | products timed | median GFLOP/s | % of measured FMA peak |");
        System.out.println("|---|---|---|---|---|---|");
        try (WorkPool pool = new WorkPool(threads)) {
            Matmul mm = Matmuls.best(pool);
            for (String layer : layers) {
                String[] p = layer.split("x");
                int bt = Integer.parseInt(p[0]);
                int in = Integer.parseInt(p[1]);
                int out = Integer.parseInt(p[2]);
                List<List<Double>> rates = time(mm, new LayerShapes(bt, in, out), seconds);
                for (int f = 0; f < FORMS.length; f++) {
                    List<Double> r = rates.get(f);
                    Collections.sort(r);
                    double median = r.get(r.size() / 2);
                    System.out.printf("| %s | %s | %d | %d | %.1f | %.0f%% |%n",
                            layer, FORMS[f], threads, r.size(), median, 100 * median / peak);
                }
            }
        }
    }

    /** A linear layer's sizes: tokens, input features, output features. */
    private record LayerShapes(int bt, int in, int out) {
        MatmulShape form(int f) {
            return switch (f) {
                case 0 -> new MatmulShape(bt, out, in);
                case 1 -> new MatmulShape(bt, in, out);
                default -> new MatmulShape(out, in, bt);
            };
        }
    }

    /** Alternates the three forms for {@code seconds} after a 2 s warm-up; GFLOP/s per call, per form. */
    private static List<List<Double>> time(Matmul mm, LayerShapes layer, double seconds) {
        int size = Math.max(layer.bt() * layer.in(), Math.max(layer.bt() * layer.out(), layer.in() * layer.out()));
        SplittableRandom rnd = new SplittableRandom(1);
        float[] a = new float[size];
        float[] b = new float[size];
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) (rnd.nextDouble() - 0.5);
            b[i] = (float) (rnd.nextDouble() - 0.5);
        }
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmEnd + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            boolean record = System.nanoTime() >= warmEnd;
            for (int f = 0; f < FORMS.length; f++) {
                MatmulShape s = layer.form(f);
                long t0 = System.nanoTime();
                switch (f) {
                    case 0 -> mm.abT(out, 0, a, 0, b, 0, s, false);
                    case 1 -> mm.ab(out, 0, a, 0, b, 0, s, false);
                    default -> mm.aTb(out, 0, a, 0, b, 0, s, false);
                }
                long dt = System.nanoTime() - t0;
                if (record) {
                    rates.get(f).add(s.flops() / dt);
                }
            }
        }
        return rates;
    }
}
