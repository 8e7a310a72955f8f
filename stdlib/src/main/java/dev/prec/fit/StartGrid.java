package dev.prec.fit;

import dev.prec.law.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The grid of starting points: {@code k} values per parameter spanning its start range
 * (geometric for positive parameters, i.e. even in log space, linear otherwise), all
 * {@code k^P} combinations when that is at most the cap, else a deterministic sample of distinct
 * combinations drawn with the seed. Points are in optimiser coordinates.
 */
final class StartGrid {
    private StartGrid() {
    }

    static List<double[]> starts(List<Parameter> parameters, ParameterSpace space, int k, int cap, long seed) {
        int p = parameters.size();
        double[][] levels = new double[p][k];
        for (int j = 0; j < p; j++) {
            Parameter q = parameters.get(j);
            double lo = space.logScale(j) ? Math.log(q.startLo()) : q.startLo();
            double hi = space.logScale(j) ? Math.log(q.startHi()) : q.startHi();
            for (int i = 0; i < k; i++) {
                levels[j][i] = k == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (k - 1);
            }
        }
        double total = Math.pow(k, p);
        List<double[]> out = new ArrayList<>();
        if (total <= cap) {
            int[] digits = new int[p];
            for (long n = 0; n < (long) total; n++) {
                out.add(point(levels, digits));
                increment(digits, k);
            }
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> seen = new HashSet<>();
        while (out.size() < cap) {
            int[] digits = new int[p];
            for (int j = 0; j < p; j++) {
                digits[j] = random.nextInt(k);
            }
            if (seen.add(java.util.Arrays.toString(digits))) {
                out.add(point(levels, digits));
            }
        }
        return out;
    }

    private static double[] point(double[][] levels, int[] digits) {
        double[] x = new double[digits.length];
        for (int j = 0; j < digits.length; j++) {
            x[j] = levels[j][digits[j]];
        }
        return x;
    }

    private static void increment(int[] digits, int k) {
        for (int j = digits.length - 1; j >= 0; j--) {
            if (++digits[j] < k) {
                return;
            }
            digits[j] = 0;
        }
    }
}
