package dev.prec.bench.tensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MatmulBench} and prints a Markdown table of GFLOP/s and two shares of peak, for
 * {@code docs/benchmarks.md}: of the nominal peak (default 240 GFLOP/s per core, the figure of
 * {@code shared/design/BENCHMARKS.md}: 2 FMA pipes x 16 lanes x 2 flops x about 3.75 GHz) and of the
 * FMA rate {@link FmaPeak} measures in the same run on as many threads.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.prec.bench.tensor.MatmulGflops [nominalGflopsPerCore] [threads,...] [layer,...]}; threads
 * default to 1,2, layers to the full list of {@link MatmulBench}.
 */
public final class MatmulGflops {

    private MatmulGflops() {
    }

    public static void main(String[] args) throws RunnerException, InterruptedException {
        double peakPerThread = args.length > 0 ? Double.parseDouble(args[0]) : 240.0;
        String[] threads = args.length > 1 ? args[1].split(",") : new String[] {"1", "2"};
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(MatmulBench.class.getName())
                .param("threads", threads);
        if (args.length > 2) {
            options.param("layer", args[2].split(","));
        }
        Map<Integer, Double> measuredPeak = new TreeMap<>();
        for (String t : threads) {
            measuredPeak.put(Integer.parseInt(t), FmaPeak.gflops(Integer.parseInt(t)));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<String> rows = new ArrayList<>();
        for (RunResult r : results) {
            String layer = r.getParams().getParam("layer");
            String form = r.getParams().getParam("form");
            int t = Integer.parseInt(r.getParams().getParam("threads"));
            String[] p = layer.split("x");
            double flops = 2.0 * Long.parseLong(p[0]) * Long.parseLong(p[1]) * Long.parseLong(p[2]);
            double micros = r.getPrimaryResult().getScore();
            double gflops = flops / (micros * 1e3);
            rows.add(String.format("| %s | %s | %d | %.1f | %.1f | %.0f%% | %.0f%% |",
                    layer, form, t, micros, gflops, 100 * gflops / (peakPerThread * t),
                    100 * gflops / measuredPeak.get(t)));
        }
        measuredPeak.forEach((t, g) -> System.out.printf("measured FMA peak on %d thread(s): %.1f GFLOP/s%n", t, g));
        System.out.println("| layer BTxINxOUT | form | threads | us/product | GFLOP/s | % of nominal peak | % of measured FMA peak |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }
}
