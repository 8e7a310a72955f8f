package dev.prec.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.fit.FitOptions;
import dev.prec.fit.FitResult;
import dev.prec.fit.Fitter;
import dev.prec.fit.Interval;
import dev.prec.fit.RunTable;
import dev.prec.law.Law;
import dev.prec.law.LawInstance;
import dev.prec.law.LawRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OptimumIntervalsTest {

    /** Runs of the published weight-only law with 1% log-normal noise, N 30M..3B, D 1B..100B, P_w 3..16. */
    private static RunTable runs(Law law, int rows, long seed) {
        LawInstance truth = law.atPublished();
        SplittableRandom r = new SplittableRandom(seed);
        double[] n = new double[rows];
        double[] d = new double[rows];
        double[] p = new double[rows];
        double[] loss = new double[rows];
        int[] bits = {3, 4, 5, 6, 8, 10, 12, 16};
        for (int i = 0; i < rows; i++) {
            n[i] = Math.exp(r.nextDouble(Math.log(3e7), Math.log(3e9)));
            d[i] = Math.exp(r.nextDouble(Math.log(1e9), Math.log(1e11)));
            p[i] = bits[r.nextInt(bits.length)];
            loss[i] = truth.evaluate(Map.of("N", n[i], "D", d[i], "P_w", p[i])).orThrow() * Math.exp(0.01 * r.nextGaussian());
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("N", n);
        cols.put("D", d);
        cols.put("P_w", p);
        cols.put("loss", loss);
        return RunTable.of("synthetic weight-only runs", cols);
    }

    @Test
    void bootstrapIntervalsOfTheOptimumContainTheFittedOptimumAndAreReproducible() {
        Law law = LawRegistry.get("kumar2024.weights");
        FitResult fit = Fitter.fit(law, runs(law, 200, 7), FitOptions.defaults().withGrid(2, 64).withThreads(2));
        Function<LawInstance, Optimum> solve = l ->
                new Solver(LossSurface.of(l), new CostModel.BitFlops(), SearchSpace.defaults()).joint(1e21);
        Optimum point = solve.apply(fit.instance());
        Map<String, Interval> iv = OptimumIntervals.of(fit, solve, 24, 0.9, 3);
        assertTrue(iv.get("P").contains(point.point().bits()), iv + " vs " + point);
        assertTrue(iv.get("N").contains(point.point().params()), iv + " vs " + point);
        assertTrue(iv.get("loss").contains(point.loss()), iv + " vs " + point);
        assertTrue(iv.get("P").hi() - iv.get("P").lo() < 3, "1% noise on 200 runs pins P* to a few bits: " + iv);
        // same seed, same resamples; the refits agree to the fitter's tolerance (not bit for bit across its threads)
        Map<String, Interval> again = OptimumIntervals.of(fit, solve, 24, 0.9, 3);
        for (String k : iv.keySet()) {
            assertEquals(iv.get(k).lo(), again.get(k).lo(), Math.abs(iv.get(k).lo()) * 1e-5, k);
            assertEquals(iv.get(k).hi(), again.get(k).hi(), Math.abs(iv.get(k).hi()) * 1e-5, k);
        }
    }
}
