package dev.prec.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.law.Evaluation;
import dev.prec.law.Expr;
import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitterTest {

    static RunTable epochChinchilla() throws URISyntaxException {
        Path csv = Path.of(FitterTest.class.getResource("chinchilla-epoch.csv").toURI());
        RunTable t = RunTableReader.csv(csv, ColumnMapping.all().with("N", "Model Size").with("C", "Training FLOP")
                .with("loss", "loss"));
        t = t.withColumn("D", Expr.variable("C").div(Expr.constant(6).times(Expr.variable("N"))));
        // Epoch's notebook keeps rows with loss below the 5th-largest loss (240 of 245).
        double[] sorted = t.column("loss");
        Arrays.sort(sorted);
        double cut = sorted[sorted.length - 5];
        return t.where(Expr.constant(cut).minus(Expr.variable("loss")), "loss < " + cut);
    }

    @Test
    void chinchillaOnEpochsDigitisedDataLandsNearTheirReplication() throws URISyntaxException {
        RunTable runs = epochChinchilla();
        assertEquals(240, runs.rows());
        FitResult fit = Fitter.fit(LawRegistry.get("chinchilla"), runs, FitOptions.defaults().withGrid(3, 243).withThreads(2));
        // Besiroglu et al. 2024: A = 482.01, B = 2085.43, E = 1.8172, alpha = 0.3478, beta = 0.3658.
        assertEquals(482.01, fit.value("A"), 0.10 * 482.01, fit.values().toString());
        assertEquals(2085.43, fit.value("B"), 0.10 * 2085.43, fit.values().toString());
        assertEquals(1.8172, fit.value("E"), 0.01, fit.values().toString());
        assertEquals(0.3478, fit.value("alpha"), 0.005, fit.values().toString());
        assertEquals(0.3658, fit.value("beta"), 0.005, fit.values().toString());
        assertTrue(fit.convergence().reason().converged(), fit.convergence().toString());
    }

    @Test
    void fittingIsIndependentOfTheThreadCount() {
        Law law = LawRegistry.get("kumar2024.weights");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0.005, 3);
        FitOptions o = FitOptions.defaults().withGrid(2, 32);
        FitResult one = Fitter.fit(law, runs, o.withThreads(1));
        FitResult two = Fitter.fit(law, runs, o.withThreads(2));
        assertEquals(one.values(), two.values());
        assertEquals(one.objective(), two.objective());
    }

    @Test
    void aSingleWeightLevelWarnsThatItsParametersAreNotIdentifiable() {
        Law law = LawRegistry.get("kumar2024.weights");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0.005, 4);
        RunTable two = runs.where(Expr.constant(6.5).minus(Expr.variable("P_w")), "P_w < 6.5")
                .where(Expr.variable("P_w").minus(Expr.constant(4.5)), "P_w > 4.5");
        FitResult fit = Fitter.fit(law, two, FitOptions.defaults().withGrid(2, 32).withThreads(2));
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("P_w takes 2 distinct")), fit.warnings().toString());
    }

    @Test
    void aNarrowSizeRangeWarnsAboutTheExponent() {
        Law law = LawRegistry.get("chinchilla");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0.005, 5);
        RunTable narrow = runs.where(Expr.constant(2e8).minus(Expr.variable("N")), "N < 2e8")
                .where(Expr.variable("N").minus(Expr.constant(5e7)), "N > 5e7");
        FitResult fit = Fitter.fit(law, narrow, FitOptions.defaults().withGrid(2, 32).withThreads(2));
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("N spans")), fit.warnings().toString());
    }

    @Test
    void goodnessOfFitOnExactDataIsPerfectAndProvenanceRepeatsTheFit() {
        Law law = LawRegistry.get("chinchilla.tied");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0, 6);
        FitResult fit = Fitter.fit(law, runs, FitOptions.defaults().withGrid(3, 81).withThreads(2));
        assertEquals(1, fit.quality().r2(), 1e-9);
        assertEquals(0, fit.quality().rmse(), 1e-6);
        Provenance p = fit.provenance();
        FitResult again = Fitter.fit(LawRegistry.get(p.lawName()), p.table(), p.options());
        assertEquals(fit.values(), again.values());
        assertEquals(runs.fingerprint(), p.dataFingerprint());
    }

    @Test
    void rolloutOnExactDataExtrapolatesExactly() {
        Law law = LawRegistry.get("chinchilla");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 300, 0, 7);
        RolloutResult r = Rollout.holdOutLargest(law, runs, FitOptions.defaults().withGrid(3, 243).withThreads(2),
                Expr.variable("N"), 0.2);
        assertEquals(60, r.heldOutRows());
        assertTrue(r.rmse() < 1e-6, r.toString());
    }

    @Test
    void rolloutOnNoisyDataReportsAnErrorOfTheNoiseSize() {
        Law law = LawRegistry.get("chinchilla");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 300, 0.01, 8);
        Expr compute = Expr.constant(6).times(Expr.variable("N")).times(Expr.variable("D"));
        RolloutResult r = Rollout.holdOutLargest(law, runs, FitOptions.defaults().withGrid(3, 243).withThreads(2), compute, 0.1);
        assertEquals(30, r.heldOutRows());
        assertTrue(r.rmse() > 0.003 && r.rmse() < 0.03, r.toString());
    }

    @Test
    void bootstrapGivesIntervalsForDerivedQuantities() {
        Law law = LawRegistry.get("chinchilla");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 300, 0.005, 9);
        FitResult fit = Fitter.fit(law, runs, FitOptions.defaults().withGrid(3, 243).withThreads(2));
        // a = beta / (alpha + beta): the exponent of compute in N* (Hoffmann et al. eq. 4)
        BootstrapResult b = Bootstrap.run(fit, 40, 0.9, 1,
                v -> Map.of("a", v.get("beta") / (v.get("alpha") + v.get("beta"))));
        double a = fit.value("beta") / (fit.value("alpha") + fit.value("beta"));
        assertTrue(b.derived().get("a").contains(a), b.toString());
        assertTrue(b.derived().get("a").hi() - b.derived().get("a").lo() < 0.1, b.toString());
        BootstrapResult again = Bootstrap.run(fit, 40, 0.9, 1,
                v -> Map.of("a", v.get("beta") / (v.get("alpha") + v.get("beta"))));
        assertEquals(b, again, "same seed, same intervals");
    }

    @Test
    void aNonPositiveTargetNamesTheRow() {
        Law law = LawRegistry.get("chinchilla");
        RunTable runs = RunTable.of("t.csv", Map.of("N", new double[] {1e8, 2e8}, "D", new double[] {1e9, 1e9},
                "loss", new double[] {3, -1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fitter.fit(law, runs, FitOptions.defaults()));
        assertTrue(e.getMessage().startsWith("t.csv:2:"), e.getMessage());
    }

    @Test
    void aPositiveParameterTheDataDoNotNeedStaysPositiveAndTheFittedLawStaysUsable() {
        // Losses with no irreducible term at all: E drifts down, but must not underflow to 0,
        // which violates E > 0 and made every later use of the fitted law (plots, optima) fail.
        Law law = LawRegistry.get("chinchilla");
        Map<String, Double> truth = Map.of("A", 400.0, "alpha", 0.3, "B", 400.0, "beta", 0.3, "E", 1e-12);
        RunTable runs = SyntheticRuns.generate(law, truth, 40, 0.0, 3);
        FitResult fit = Fitter.fit(law, runs, FitOptions.defaults().withGrid(2, 32).withThreads(2));
        double e = fit.value("E");
        assertTrue(e > 0 && e < 0.1, "E = " + e);
        assertTrue(Double.isFinite(fit.instance().evaluate(Map.of("N", 1e8, "D", 1e10)) instanceof Evaluation.Value v
                ? v.loss() : Double.NaN), "the fitted law evaluates");
    }
}
