package dev.prec.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.law.LawInstance;
import dev.prec.law.LawRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolverTest {
    private static final LawInstance KUMAR = LawRegistry.get("kumar2024.training").atPublished();
    private static final Solver BITFLOPS = new Solver(LossSurface.of(KUMAR), new CostModel.BitFlops(), SearchSpace.defaults());

    /** N_eff / N of the published training law, written out from SCIENCE.md section 2 (offset reading). */
    private static double publishedFactor(double p) {
        return (1 - Math.exp(-p / 2.6745 + 0.3037)) * (1 - Math.exp(-p / 2.2102 + 1.4072))
                * (1 - Math.exp(-p / 0.9578 + 2.4185));
    }

    @Test
    void jointOptimumPrecisionIsIndependentOfBudgetAndBetweenSixAndNineBits() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int e = 18; e <= 26; e++) {
            Optimum o = BITFLOPS.joint(Math.pow(10, e));
            lo = Math.min(lo, o.point().bits());
            hi = Math.max(hi, o.point().bits());
            assertTrue(o.notes().isEmpty(), o.notes().toString());
        }
        assertTrue(hi - lo < 0.01, "spread " + (hi - lo));
        assertTrue(lo > 6 && hi < 9, "P* in [" + lo + ", " + hi + "]");
    }

    @Test
    void jointOptimumPrecisionMaximisesEffectiveParametersPerBit() {
        // the first-order conditions reduce to "P* maximises N_eff(P) / P"; a fine scan is the oracle
        double best = 0;
        double bestRatio = 0;
        for (double p = 3.2; p <= 16; p += 1e-4) {
            double ratio = publishedFactor(p) / p;
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = p;
            }
        }
        assertEquals(best, BITFLOPS.joint(1e21).point().bits(), 2e-4);
    }

    @Test
    void tiedFormGivesOptimalPrecisionOf1904TimesGamma() {
        assertEquals(1.904, ClosedForms.tiedPrecisionRatio(3), 1e-3);
        for (double gamma : new double[] {0.8, 1.5, 2.5, 4}) {
            LawInstance law = Laws.tied().at(Map.of("A", 4299.0, "alpha", 0.4965, "B", 18060.0, "beta", 0.4965,
                    "E", 2.7648, "gamma", gamma));
            Solver s = new Solver(LossSurface.of(law), new CostModel.BitFlops(), SearchSpace.defaults().withBits(0.5, 40));
            double ratio = s.joint(1e22).point().bits() / gamma;
            assertEquals(1.904, ratio, 1e-3, "gamma " + gamma);
            assertEquals(ClosedForms.tiedPrecisionRatio(3), ratio, 1e-6, "gamma " + gamma);
        }
    }

    @Test
    void fixedPrecisionSpendsTheBudgetExactlyAndMatchesTheClosedForm() {
        ClosedForms.Chinchilla c = new ClosedForms.Chinchilla(4299, 0.4965, 18060, 0.4965, 2.7648);
        for (double bits : new double[] {4, 6, 8, 16}) {
            for (double budget : new double[] {1e19, 1e22, 1e25}) {
                Optimum o = BITFLOPS.fixedPrecision(bits, budget);
                assertEquals(budget, o.cost(), budget * 1e-12, "cost at P=" + bits);
                Point closed = ClosedForms.fixedPrecision(c, publishedFactor(bits), bits, 6.0 / 16 * bits, budget);
                assertEquals(closed.params(), o.point().params(), closed.params() * 1e-6, "N* at P=" + bits);
                assertEquals(closed.tokens(), o.point().tokens(), closed.tokens() * 1e-6, "D* at P=" + bits);
                assertEquals(c.loss(closed, publishedFactor(bits)), o.loss(), 1e-12);
            }
        }
    }

    @Test
    void lowerPrecisionBuysMoreParametersAndTokensPeakAtTheJointOptimum() {
        // tied form: N* ~ (f(P) P)^-1/2 falls with P; D* = K / N* ~ (f(P) / P)^1/2 peaks where f/P does, at P*
        double previous = Double.POSITIVE_INFINITY;
        for (double bits : new double[] {4, 6, 8, 12, 16}) {
            double n = BITFLOPS.fixedPrecision(bits, 1e22).point().params();
            assertTrue(n < previous, "N* must fall as P rises, at P=" + bits);
            previous = n;
        }
        Optimum joint = BITFLOPS.joint(1e22);
        for (double bits : new double[] {4, 5, 12, 16}) {
            assertTrue(BITFLOPS.fixedPrecision(bits, 1e22).point().tokens() < joint.point().tokens(), "D* at P=" + bits);
        }
    }

    @Test
    void plainFlopsCostsMatchTheChinchillaClosedForm() {
        LawInstance chin = LawRegistry.get("chinchilla").atPublished();
        Solver s = new Solver(LossSurface.of(chin), new CostModel.Flops(), SearchSpace.defaults());
        ClosedForms.Chinchilla c = new ClosedForms.Chinchilla(406.4, 0.34, 410.7, 0.28, 1.69);
        Optimum o = s.fixedPrecision(16, 5.76e23);
        Point closed = ClosedForms.fixedPrecision(c, 1, 16, 6, 5.76e23);
        assertEquals(closed.params(), o.point().params(), closed.params() * 1e-6);
        assertEquals(5.76e23, o.cost(), 5.76e23 * 1e-12);
    }

    @Test
    void atFixedSizePrecisionGrowsWithBudgetRoughlyLinearlyInLogTokensPerParameter() {
        double n = 1e9;
        int k = 9;
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double ratio = Math.pow(10, 1 + 0.5 * i);          // D/N from 10 to 1e5
            double budget = 6.0 / 16 * n * (ratio * n) * 8;    // spend it at about 8 bits
            Optimum o = BITFLOPS.fixedParams(n, budget);
            x[i] = Math.log(o.point().tokensPerParam());
            y[i] = o.point().bits();
            assertEquals(budget, o.cost(), budget * 1e-12);
            if (i > 0) {
                assertTrue(y[i] > y[i - 1], "P* must grow with the budget: " + y[i - 1] + " then " + y[i]);
            }
        }
        assertTrue(rSquared(x, y) > 0.95, "R^2 of P* on log(D/N) = " + rSquared(x, y));
    }

    private static double rSquared(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy * sxy / (sxx * syy);
    }

    @Test
    void fixedTokensSpendsTheBudgetThroughTheModelSize() {
        Optimum o = BITFLOPS.fixedTokens(1e11, 1e21);
        assertEquals(1e11, o.point().tokens());
        assertEquals(1e21, o.cost(), 1e21 * 1e-12);
        assertTrue(o.point().bits() > 3 && o.point().bits() < 16, o.toString());
    }

    @Test
    void aMenuPicksTheBestOfItsPrecisions() {
        Solver menu = new Solver(LossSurface.of(KUMAR), new CostModel.BitFlops(),
                SearchSpace.defaults().withMenu(List.of(4.0, 8.0, 16.0)));
        Optimum o = menu.joint(1e21);
        double best = Double.POSITIVE_INFINITY;
        double bestBits = 0;
        for (double b : new double[] {4, 8, 16}) {
            double l = BITFLOPS.fixedPrecision(b, 1e21).loss();
            if (l < best) {
                best = l;
                bestBits = b;
            }
        }
        assertEquals(bestBits, o.point().bits());
        assertEquals(best, o.loss(), 1e-12);
    }

    @Test
    void aMemoryCapBindsAndIsReportedAsABound() {
        Optimum free = BITFLOPS.joint(1e24);
        double cap = free.point().params() * free.point().bits() / 4;
        Solver capped = new Solver(LossSurface.of(KUMAR), new CostModel.BitFlops(), SearchSpace.defaults().withMemoryCap(cap));
        Optimum o = capped.joint(1e24);
        assertTrue(o.point().params() * o.point().bits() <= cap * (1 + 1e-9));
        assertTrue(o.loss() > free.loss());
        assertEquals(1e24, o.cost(), 1e24 * 1e-12);
        assertFalse(o.notes().isEmpty(), "a binding cap is a bound");
    }

    @Test
    void servingCostsPushTowardSmallerModelsAtLowerPrecision() {
        Optimum train = BITFLOPS.joint(1e22);
        Solver serving = new Solver(LossSurface.of(KUMAR), new CostModel.WithInference(1e13), SearchSpace.defaults());
        Optimum o = serving.joint(1e22);
        assertEquals(1e22, o.cost(), 1e22 * 1e-12);
        assertTrue(o.point().params() < train.point().params(), o + " vs " + train);
    }

    @Test
    void anInfeasibleBudgetIsRefusedWithTheProblemNamed() {
        Solver tiny = new Solver(LossSurface.of(KUMAR), new CostModel.BitFlops(), SearchSpace.defaults().withParams(1e9, 1e10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.fixedPrecision(8, 1e3));
        assertTrue(e.getMessage().contains("precision fixed at 8.0 bits"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BITFLOPS.joint(-1));
    }
}
