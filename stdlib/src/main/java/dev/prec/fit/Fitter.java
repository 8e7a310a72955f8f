package dev.prec.fit;

import dev.prec.law.Law;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fits a law to runs: every start of the grid optimised by {@link BoundedLbfgs}, in parallel, and
 * the lowest objective kept (ties to the earlier start, so the result does not depend on the
 * thread count). Threads take small chunks of starts from a shared counter, so a stalled core
 * delays only its current chunk (the lesson of BENCHMARKS.md section 1).
 */
public final class Fitter {
    /** Starts per chunk taken by a worker. */
    private static final int CHUNK = 4;

    private Fitter() {
    }

    /**
     * Fits {@code law} to {@code table}.
     *
     * @param law the law; its variables must be columns of the table
     * @param table the runs; the target column must be {@code > 0} in every row
     * @param options objective, grid, optimiser, threads, seed
     * @return the best fit with diagnostics and provenance
     * @throws IllegalArgumentException if a column is missing, a target value is not positive, a row is
     *     outside the law's domain whatever the parameters (the message names the row's origin), or
     *     every start is outside the domain
     */
    public static FitResult fit(Law law, RunTable table, FitOptions options) {
        FitProblem problem = new FitProblem(law, table, options);
        List<double[]> starts = StartGrid.starts(law.parameters(), problem.space, options.gridPointsPerParameter(),
                options.maxStarts(), options.seed());
        OptimizerResult[] results = optimize(problem, starts, problem.weights, options.optimizer(), options.threads());
        int best = best(results);
        if (best < 0) {
            throw new IllegalArgumentException("every one of " + starts.size() + " starts is outside the domain of " + law.name()
                    + "; give start ranges that fit the data");
        }
        return result(problem, results, best);
    }

    static int best(OptimizerResult[] results) {
        int best = -1;
        for (int i = 0; i < results.length; i++) {
            if (results[i].value() < Double.POSITIVE_INFINITY && (best < 0 || results[i].value() < results[best].value())) {
                best = i;
            }
        }
        return best;
    }

    private static FitResult result(FitProblem problem, OptimizerResult[] results, int best) {
        OptimizerResult win = results[best];
        double[] theta = win.x();
        double[] natural = problem.space.toNatural(theta);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < natural.length; k++) {
            values.put(problem.law.parameters().get(k).name(), natural[k]);
        }
        int converged = 0;
        int outside = 0;
        int near = 0;
        for (OptimizerResult r : results) {
            converged += r.reason().converged() ? 1 : 0;
            outside += r.reason() == StopReason.START_OUTSIDE_DOMAIN ? 1 : 0;
            near += r.reason().converged() && r.value() <= win.value() + 1e-6 * Math.abs(win.value()) ? 1 : 0;
        }
        var ev = problem.data.evaluator();
        ev.forward(natural);
        GoodnessOfFit quality = GoodnessOfFit.of(ev.predictions().clone(), problem.table.column(problem.options.target()));
        List<String> warnings = Identifiability.warnings(problem, theta);
        if (!win.reason().converged()) {
            warnings = new ArrayList<>(warnings);
            warnings.add(0, "the best start did not converge: " + win.reason());
        }
        Provenance provenance = new Provenance(problem.law.name(), problem.law.loss().print(),
                problem.law.parameters().stream().map(p -> p.name() + " " + p.constraint().describe()).toList(),
                problem.table, problem.table.fingerprint(), problem.options,
                "sum of weight * huber(" + problem.options.huberDelta() + ", log(predicted) - log(" + problem.options.target() + "))",
                Runtime.version().toString());
        return new FitResult(problem.law, values, win.value(), win,
                new StartSummary(results.length, converged, outside, near), quality, warnings, provenance);
    }

    /** Optimises from every start with the given row weights, in parallel; results in start order. */
    static OptimizerResult[] optimize(FitProblem problem, List<double[]> starts, double[] weights,
                                      OptimizerSettings settings, int threads) {
        OptimizerResult[] results = new OptimizerResult[starts.size()];
        AtomicInteger next = new AtomicInteger();
        int chunks = (starts.size() + CHUNK - 1) / CHUNK;
        Runnable worker = () -> {
            HuberLogObjective f = problem.objective(weights);
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                for (int i = c * CHUNK; i < Math.min(starts.size(), (c + 1) * CHUNK); i++) {
                    results[i] = BoundedLbfgs.minimize(f, starts.get(i), problem.space.box(), settings);
                }
            }
        };
        int workers = Math.min(threads, chunks);
        if (workers <= 1) {
            worker.run();
            return results;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fit interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fitting thread failed", e.getCause());
        }
        return results;
    }
}
