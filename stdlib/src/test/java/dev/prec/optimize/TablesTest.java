package dev.prec.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.fit.RunTable;
import dev.prec.law.Expr;
import dev.prec.law.LawInstance;
import dev.prec.law.LawRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TablesTest {
    private static final LawInstance KUMAR = LawRegistry.get("kumar2024.training").atPublished();

    @Test
    void predictionGridHasOneRowPerCombinationWithTheLawsValueOrNaNOutsideItsDomain() {
        Map<String, double[]> axes = new LinkedHashMap<>();
        axes.put("N", new double[] {1e8, 1e9});
        axes.put("D", new double[] {2e10});
        axes.put("P_w", new double[] {4, 8});
        axes.put("P_a", new double[] {2, 8});
        axes.put("P_kv", new double[] {8});
        RunTable t = Prediction.grid(KUMAR, axes);
        assertEquals(8, t.rows());
        for (int r = 0; r < t.rows(); r++) {
            Map<String, Double> point = Map.of("N", t.column("N")[r], "D", t.column("D")[r], "P_w", t.column("P_w")[r],
                    "P_a", t.column("P_a")[r], "P_kv", t.column("P_kv")[r]);
            double expected = t.column("P_a")[r] == 2 ? Double.NaN : KUMAR.evaluate(point).orThrow();
            assertEquals(expected, t.column("loss")[r], 0, "row " + r);
        }
        assertEquals(1e9, t.column("N")[7]);
        assertEquals(8, t.column("P_a")[7]);
    }

    @Test
    void predictionRefusesAMissingOrUnknownVariable() {
        assertThrows(IllegalArgumentException.class, () -> Prediction.grid(KUMAR, Map.of("N", new double[] {1e9})));
        Map<String, double[]> extra = new LinkedHashMap<>();
        for (String v : KUMAR.law().variables()) {
            extra.put(v, new double[] {8});
        }
        extra.put("Q", new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> Prediction.grid(KUMAR, extra));
    }

    @Test
    void budgetFrontierHasARowPerBudgetAndFlatPrecision() {
        Solver s = new Solver(LossSurface.of(KUMAR), new CostModel.BitFlops(), SearchSpace.defaults());
        RunTable t = Frontiers.precisionByBudget(s, new double[] {1e19, 1e21, 1e23});
        assertEquals(3, t.rows());
        assertEquals(Frontiers.OPTIMUM_COLUMNS, java.util.List.copyOf(t.columns().keySet()));
        assertEquals(t.column("P")[0], t.column("P")[2], 0.01);
        assertTrue(t.column("N")[2] > t.column("N")[0]);
    }

    @Test
    void tokensPerParamFrontierRaisesPrecisionWithOvertraining() {
        Solver s = new Solver(LossSurface.of(KUMAR), new CostModel.BitFlops(), SearchSpace.defaults());
        RunTable t = Frontiers.precisionByTokensPerParam(s, 1e8, new double[] {1e18, 1e20, 1e22});
        assertTrue(t.column("P")[1] > t.column("P")[0] && t.column("P")[2] > t.column("P")[1]);
        assertEquals(1e8, t.column("N")[0]);
    }

    @Test
    void isoLossContoursLieOnTheirLevel() {
        LossSurface s = LossSurface.of(KUMAR);
        RunTable t = Frontiers.isoLoss(s, 1e11, new double[] {3.2, 3.5}, new double[] {4, 6, 8, 16}, SearchSpace.defaults());
        assertEquals(8, t.rows());
        for (int r = 0; r < t.rows(); r++) {
            double n = t.column("N")[r];
            assertEquals(t.column("level")[r], s.loss(new Point(n, 1e11, t.column("P")[r])), 1e-9, "row " + r);
        }
        // fewer bits need more parameters for the same loss
        assertTrue(t.column("N")[0] > t.column("N")[3]);
        RunTable unreachable = Frontiers.isoLoss(s, 1e11, new double[] {2.0}, new double[] {8}, SearchSpace.defaults());
        assertTrue(Double.isNaN(unreachable.column("N")[0]), "below E the level is never reached");
    }

    @Test
    void userCostExpressionsAgreeWithTheBuiltInModelAndInvertExactly() {
        Expr paper = Expr.constant(6.0 / 16).times(Expr.variable("N")).times(Expr.variable("D")).times(Expr.variable("P"));
        CostModel user = new CostModel.Expression(paper);
        CostModel builtIn = new CostModel.BitFlops();
        Point p = new Point(3e8, 6e9, 8);
        assertEquals(builtIn.cost(p), user.cost(p), builtIn.cost(p) * 1e-15);
        double d = user.tokensFor(3e8, 8, 1e20);
        assertEquals(builtIn.tokensFor(3e8, 8, 1e20), d, d * 1e-13);
        double n = user.paramsFor(6e9, 8, 1e20);
        assertEquals(builtIn.paramsFor(6e9, 8, 1e20), n, n * 1e-13);
        assertThrows(IllegalArgumentException.class, () -> new CostModel.Expression(Expr.variable("X")));
        assertThrows(IllegalArgumentException.class, () -> new CostModel.Expression(Expr.param("k")));
    }

    @Test
    void servingCostLeavesNoTokensWhenInferenceAloneSpendsTheBudget() {
        CostModel c = new CostModel.WithInference(1e15);
        assertTrue(Double.isNaN(c.tokensFor(1e9, 8, 1e20)), "N P T / 8 = 1e24 exceeds 1e20");
        double d = c.tokensFor(1e9, 8, 1e25);
        assertEquals(1e25, c.cost(new Point(1e9, d, 8)), 1e25 * 1e-12);
    }
}
