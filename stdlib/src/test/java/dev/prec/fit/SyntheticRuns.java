package dev.prec.fit;

import dev.prec.law.Evaluation;
import dev.prec.law.Law;
import dev.prec.law.LawInstance;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs generated from a law with known parameters: N log-uniform over 30M..3B, D over 1B..100B,
 * training precisions from 3..12 and 16 bits, P_post from 2..8 bits; points outside the law's
 * domain (or with any f_x below 0.05, where the law is steep) are redrawn. Observed values carry
 * log-normal noise of relative size {@code noise}.
 */
final class SyntheticRuns {
    private SyntheticRuns() {
    }

    /** The published values, with the unpublished unified-law constants C_w, C_a, C_kv set to 0.8, 1.2, 1.5. */
    static Map<String, Double> truth(Law law) {
        Map<String, Double> v = new HashMap<>(law.published());
        v.putIfAbsent("C_w", 0.8);
        v.putIfAbsent("C_a", 1.2);
        v.putIfAbsent("C_kv", 1.5);
        return v;
    }

    static RunTable generate(Law law, Map<String, Double> truth, int rows, double noise, long seed) {
        LawInstance inst = law.at(truth);
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String v : law.variables()) {
            cols.put(v, new double[rows]);
        }
        double[] loss = new double[rows];
        int[] bits = {3, 4, 5, 6, 7, 8, 10, 12, 16};
        for (int i = 0; i < rows; i++) {
            while (true) {
                Map<String, Double> point = new HashMap<>();
                for (String v : law.variables()) {
                    point.put(v, switch (v) {
                        case "N" -> Math.exp(r.nextDouble(Math.log(3e7), Math.log(3e9)));
                        case "D" -> Math.exp(r.nextDouble(Math.log(1e9), Math.log(1e11)));
                        case "P_post" -> (double) r.nextInt(2, 9);
                        default -> (double) bits[r.nextInt(bits.length)];
                    });
                }
                if (!steepEdge(truth, point) && inst.evaluate(point) instanceof Evaluation.Value val) {
                    for (String v : law.variables()) {
                        cols.get(v)[i] = point.get(v);
                    }
                    loss[i] = val.loss() * Math.exp(noise * r.nextGaussian());
                    break;
                }
            }
        }
        cols.put("loss", loss);
        return RunTable.of("synthetic(" + law.name() + ", seed " + seed + ")", cols);
    }

    private static boolean steepEdge(Map<String, Double> truth, Map<String, Double> point) {
        for (String part : new String[] {"w", "a", "kv"}) {
            Double p = point.get("P_" + part);
            Double g = truth.get("gamma_" + part);
            if (p != null && g != null) {
                double f = 1 - Math.exp(-p / g + truth.getOrDefault("n_" + part, 0.0));
                if (f < 0.05) {
                    return true;
                }
            }
        }
        return false;
    }
}
