package dev.prec.bench.fit;

import dev.prec.fit.FitOptions;
import dev.prec.fit.FitResult;
import dev.prec.fit.Fitter;
import dev.prec.fit.ProblemExport;
import dev.prec.fit.RunTable;
import dev.prec.law.Evaluation;
import dev.prec.law.Law;
import dev.prec.law.LawInstance;
import dev.prec.law.LawRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Side-by-side fitting benchmark: the full N_eff law ({@code kumar2024.training}, 10 parameters)
 * on 500 runs generated from the published constants with 0.5% log-normal noise, from the 1024
 * starts of the default grid. Alternates prec (2 threads) and SciPy (one process per core, the
 * starts split between them), {@code rounds} times each, and prints the medians, the ratio and
 * both objectives.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.prec.bench.fit.FitBenchmark PYTHON [rounds] [law]}
 */
public final class FitBenchmark {
    private FitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String python = args.length > 0 ? args[0] : "python3";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Law law = LawRegistry.get(args.length > 2 ? args[2] : "kumar2024.training");
        RunTable runs = generate(law, 500, 0.005, 1);
        FitOptions options = FitOptions.defaults().withThreads(2);
        Path problem = Files.createTempFile("prec-fit-problem", ".json");
        Files.writeString(problem, ProblemExport.json(law, runs, options));
        Path script = findScript();
        for (int warm = 0; warm < 3; warm++) {
            Fitter.fit(law, runs, options);
        }
        List<Double> prec = new ArrayList<>();
        List<Double> scipy = new ArrayList<>();
        double precObjective = Double.NaN;
        String scipyOut = "";
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            FitResult fit = Fitter.fit(law, runs, options);
            prec.add((System.nanoTime() - t0) / 1e9);
            precObjective = fit.objective();
            System.out.printf("round %d: prec %.3f s, objective %.17g, %s, best start %s after %d iterations%n", r,
                    prec.getLast(), fit.objective(), fit.starts(), fit.convergence().reason(), fit.convergence().iterations());
            scipyOut = runScipy(python, script, problem);
            scipy.add(number(scipyOut, "seconds"));
            System.out.printf("round %d: scipy %.3f s, %s%n", r, scipy.getLast(), scipyOut.strip());
        }
        double pm = median(prec);
        double sm = median(scipy);
        System.out.printf("law %s, %d rows, %d starts%n", law.name(), runs.rows(), options.maxStarts());
        System.out.printf("median prec %.3f s, median scipy %.3f s, ratio %.1fx; objective prec %.17g, scipy %.17g%n",
                pm, sm, sm / pm, precObjective, number(scipyOut, "best"));
        Files.deleteIfExists(problem);
    }

    private static String runScipy(String python, Path script, Path problem) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, script.toString(), problem.toString(), "--processes", "2")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("scipy_fit.py failed: " + out);
        }
        return out;
    }

    private static Path findScript() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("peers/scipy_fit.py"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the repository: peers/scipy_fit.py not found");
        }
        return p.resolve("peers/scipy_fit.py");
    }

    private static double number(String json, String key) {
        var m = java.util.regex.Pattern.compile("\"" + key + "\": ([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }

    /**
     * Runs from the law at its published values: N log-uniform 30M..3B, D 1B..100B, precisions
     * from {3..8, 10, 12, 16}, points with any f_x below 0.05 redrawn; log-normal noise.
     */
    static RunTable generate(Law law, int rows, double noise, long seed) {
        LawInstance inst = law.atPublished();
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, double[]> cols = new LinkedHashMap<>();
        law.variables().forEach(v -> cols.put(v, new double[rows]));
        double[] loss = new double[rows];
        int[] bits = {3, 4, 5, 6, 7, 8, 10, 12, 16};
        for (int i = 0; i < rows; i++) {
            while (true) {
                Map<String, Double> point = new HashMap<>();
                for (String v : law.variables()) {
                    point.put(v, switch (v) {
                        case "N" -> Math.exp(r.nextDouble(Math.log(3e7), Math.log(3e9)));
                        case "D" -> Math.exp(r.nextDouble(Math.log(1e9), Math.log(1e11)));
                        default -> (double) bits[r.nextInt(bits.length)];
                    });
                }
                if (!steep(inst.values(), point) && inst.evaluate(point) instanceof Evaluation.Value val) {
                    for (String v : law.variables()) {
                        cols.get(v)[i] = point.get(v);
                    }
                    loss[i] = val.loss() * Math.exp(noise * r.nextGaussian());
                    break;
                }
            }
        }
        cols.put("loss", loss);
        return RunTable.of("synthetic " + law.name() + " seed " + seed, cols);
    }

    private static boolean steep(Map<String, Double> values, Map<String, Double> point) {
        for (String part : Arrays.asList("w", "a", "kv")) {
            Double p = point.get("P_" + part);
            Double g = values.get("gamma_" + part);
            if (p != null && g != null && 1 - Math.exp(-p / g + values.getOrDefault("n_" + part, 0.0)) < 0.05) {
                return true;
            }
        }
        return false;
    }
}
