package dev.prec.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.law.Expr;
import dev.prec.law.Law;
import dev.prec.law.LawInstance;
import dev.prec.law.LawRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The solver against an exhaustive search that shares nothing with it but the law and the cost. */
class BruteForceTest {

    /** Exhaustive search over (P, log N) with D from the budget: a coarse grid, then grids zoomed 10x around the best. */
    private static double[] bruteForce(LossSurface s, CostModel cost, SearchSpace space, double budget) {
        double pLo = space.minBits();
        double pHi = space.maxBits();
        double nLo = Math.log(space.minParams());
        double nHi = Math.log(space.maxParams());
        double[] best = {Double.NaN, Double.NaN, Double.POSITIVE_INFINITY};
        int points = 301;
        for (int level = 0; level < 7; level++) {
            for (int i = 0; i < points; i++) {
                double p = pLo + (pHi - pLo) * i / (points - 1);
                for (int j = 0; j < points; j++) {
                    double logN = nLo + (nHi - nLo) * j / (points - 1);
                    double n = Math.exp(logN);
                    double d = cost.tokensFor(n, p, budget);
                    if (!(d >= space.minTokens() && d <= space.maxTokens())) {
                        continue;
                    }
                    double l = s.loss(new Point(n, d, p));
                    if (l < best[2]) {
                        best = new double[] {p, logN, l};
                    }
                }
            }
            double pw = (pHi - pLo) / 15;
            double nw = (nHi - nLo) / 15;
            pLo = Math.max(space.minBits(), best[0] - pw);
            pHi = Math.min(space.maxBits(), best[0] + pw);
            nLo = Math.max(Math.log(space.minParams()), best[1] - nw);
            nHi = Math.min(Math.log(space.maxParams()), best[1] + nw);
            points = 41;
        }
        return best;
    }

    @Test
    void solverAgreesWithExhaustiveSearchOnTwentyRandomLawsAndBudgets() {
        Law law = LawRegistry.get("kumar2024.training.untied");
        SplittableRandom r = new SplittableRandom(20241104);
        SearchSpace space = SearchSpace.defaults().withBits(2, 24);
        CostModel[] costs = {new CostModel.BitFlops(), new CostModel.WithInference(1e12),
                new CostModel.Expression(Expr.constant(0.375).times(Expr.variable("N")).times(Expr.variable("D"))
                        .times(Expr.variable("P").pow(1.3)))};
        for (int k = 0; k < 20; k++) {
            Map<String, Double> v = new HashMap<>();
            v.put("A", Math.exp(r.nextDouble(Math.log(100), Math.log(1e4))));
            v.put("alpha", r.nextDouble(0.2, 0.6));
            v.put("B", Math.exp(r.nextDouble(Math.log(100), Math.log(1e5))));
            v.put("beta", r.nextDouble(0.2, 0.6));
            v.put("E", r.nextDouble(1, 3));
            for (String part : new String[] {"w", "a", "kv"}) {
                v.put("gamma_" + part, r.nextDouble(0.8, 3));
                v.put("n_" + part, r.nextDouble(0, 1.5));
            }
            LawInstance inst = law.at(v);
            double budget = Math.pow(10, r.nextDouble(18, 24));
            CostModel cost = costs[k % costs.length];
            LossSurface s = LossSurface.of(inst);
            Optimum o = new Solver(s, cost, space).joint(budget);
            double[] brute = bruteForce(s, cost, space, budget);
            String what = "law " + k + " " + v + " budget " + budget + " cost " + cost.describe();
            assertTrue(o.loss() <= brute[2] * (1 + 1e-12), "the solver is never worse than the search: " + what);
            assertEquals(brute[2], o.loss(), brute[2] * 1e-7, what);
            assertEquals(brute[0], o.point().bits(), brute[0] * 1e-3, what);
            assertEquals(Math.exp(brute[1]), o.point().params(), Math.exp(brute[1]) * 1e-3, what);
            assertEquals(budget, o.cost(), budget * 1e-9, what);
        }
    }
}
