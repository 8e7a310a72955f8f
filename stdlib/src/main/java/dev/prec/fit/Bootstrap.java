package dev.prec.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Bootstrap over runs (Epoch's replication used 4000 resamples): each resample draws
 * {@code rows} runs with replacement, encoded as integer weights on the original rows, and refits
 * from the full fit's optimum (a single start, which keeps it cheap; the grid found the basin).
 * Intervals are percentile intervals over converged refits. Resample {@code b} draws from its own
 * generator seeded by {@code (seed, b)}, so the result does not depend on the thread count.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * @param fit the full fit (its provenance gives law, table and options)
     * @param resamples number of resamples, {@code >= 2}
     * @param level interval coverage in (0, 1), e.g. 0.95
     * @param seed seed of the resampling
     * @param derived computes derived quantities (P*, N*, D_crit ...) from parameter values; may
     *     return an empty map; must be thread-safe
     * @throws IllegalArgumentException if {@code resamples < 2} or fewer than 2 refits converge
     */
    public static BootstrapResult run(FitResult fit, int resamples, double level, long seed,
                                      Function<Map<String, Double>, Map<String, Double>> derived) {
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be >= 2, got " + resamples);
        }
        Provenance pv = fit.provenance();
        FitProblem problem = new FitProblem(fit.law(), pv.table(), pv.options());
        double[] start = fit.convergence().x();
        OptimizerResult[] results = new OptimizerResult[resamples];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < resamples; b = next.getAndIncrement()) {
                double[] w = resampleWeights(problem.weights, seed, b);
                results[b] = BoundedLbfgs.minimize(problem.objective(w), start, problem.space.box(), pv.options().optimizer());
            }
        };
        runParallel(worker, Math.min(pv.options().threads(), resamples));
        List<Map<String, Double>> valueSamples = new ArrayList<>();
        List<Map<String, Double>> derivedSamples = new ArrayList<>();
        for (OptimizerResult r : results) {
            if (r.reason().converged()) {
                double[] nat = problem.space.toNatural(r.x());
                Map<String, Double> v = new LinkedHashMap<>();
                for (int k = 0; k < nat.length; k++) {
                    v.put(fit.law().parameters().get(k).name(), nat[k]);
                }
                valueSamples.add(v);
                derivedSamples.add(derived.apply(v));
            }
        }
        if (valueSamples.size() < 2) {
            throw new IllegalArgumentException("only " + valueSamples.size() + " of " + resamples + " bootstrap refits converged");
        }
        return new BootstrapResult(resamples, resamples - valueSamples.size(), intervals(valueSamples, level),
                intervals(derivedSamples, level), seed);
    }

    /** Base weights times the multiplicity of each row in resample {@code b}. */
    static double[] resampleWeights(double[] base, long seed, int b) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
        int n = base.length;
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(n)]++;
        }
        for (int i = 0; i < n; i++) {
            counts[i] *= base[i];
        }
        return counts;
    }

    private static Map<String, Interval> intervals(List<Map<String, Double>> samples, double level) {
        Map<String, Interval> out = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return out;
        }
        for (String key : samples.get(0).keySet()) {
            double[] v = samples.stream().mapToDouble(m -> m.getOrDefault(key, Double.NaN))
                    .filter(Double::isFinite).toArray();
            if (v.length >= 2) {
                out.put(key, Interval.percentile(v, level));
            }
        }
        return out;
    }

    static void runParallel(Runnable worker, int threads) {
        if (threads <= 1) {
            worker.run();
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a bootstrap thread failed", e.getCause());
        }
    }
}
