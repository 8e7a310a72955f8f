package dev.prec.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance test of parameter recovery: data generated from each built-in law with known
 * constants; exact data must give the constants back within 2%, data with 0.5% log-normal noise
 * must give 95% bootstrap intervals containing them. Grids and bootstrap counts are small to keep
 * the suite fast; the benchmark runs the full grid.
 */
class ParameterRecoveryTest {

    static Stream<String> laws() {
        return Stream.of("chinchilla", "chinchilla.tied", "kumar2024.weights", "kumar2024.weights.no-offsets",
                "kumar2024.training", "kumar2024.training.untied", "kumar2024.training.no-offsets",
                "kumar2024.fp-weights", "kumar2024.ptq", "kumar2024.ptq.no-b", "kumar2024.unified", "kumar2024.unified.no-b");
    }

    static FitOptions quick(Law law) {
        int points = law.parameters().size() > 6 ? 2 : 3;
        return FitOptions.defaults().withGrid(points, 64).withThreads(2);
    }

    /** Parameters determined by the law's form: with b present, C_T and b are only determined as C_T * e^b. */
    static java.util.List<String> identifiable(Law law) {
        boolean product = law.parameterNames().contains("b");
        return law.parameterNames().stream().filter(p -> !product || !(p.equals("b") || p.equals("C_T"))).toList();
    }

    @ParameterizedTest
    @MethodSource("laws")
    void exactDataGivesTheConstantsBackWithinTwoPercent(String name) {
        Law law = LawRegistry.get(name);
        Map<String, Double> truth = SyntheticRuns.truth(law);
        RunTable runs = SyntheticRuns.generate(law, truth, 400, 0, 11);
        FitResult fit = Fitter.fit(law, runs, quick(law));
        for (String p : identifiable(law)) {
            assertEquals(truth.get(p), fit.value(p), 0.02 * Math.abs(truth.get(p)),
                    name + " " + p + " fitted " + fit.values() + " " + fit.convergence());
        }
        if (law.parameterNames().contains("b")) {
            // delta_PTQ has C_T * exp(-P_post / gamma_post + b): only C_T * e^b is determined.
            assertEquals(truth.get("C_T") * Math.exp(truth.get("b")), fit.value("C_T") * Math.exp(fit.value("b")),
                    0.02 * truth.get("C_T") * Math.exp(truth.get("b")));
            assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("near-singular Hessian")), fit.warnings().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("laws")
    void noisyDataGivesBootstrapIntervalsContainingTheConstants(String name) {
        Law law = LawRegistry.get(name);
        Map<String, Double> truth = SyntheticRuns.truth(law);
        RunTable runs = SyntheticRuns.generate(law, truth, 500, 0.005, 12);
        FitResult fit = Fitter.fit(law, runs, quick(law));
        BootstrapResult boot = Bootstrap.run(fit, 60, 0.95, 5,
                v -> v.containsKey("b") ? Map.of("C_T e^b", v.get("C_T") * Math.exp(v.get("b"))) : Map.of());
        assertTrue(boot.failed() <= 6, boot.failed() + " of 60 refits failed");
        if (law.parameterNames().contains("b")) {
            Interval ci = boot.derived().get("C_T e^b");
            assertTrue(ci.contains(truth.get("C_T") * Math.exp(truth.get("b"))), ci.toString());
        }
        // Each 95% interval misses its true value with probability about 0.05, so over the ~70
        // intervals of this test a few misses are expected, and gamma_x and n_x miss together (they
        // are strongly correlated; for kumar2024.training at seed 12 the fit is the global optimum,
        // checked by refitting from the true values, and still 1.5 sigma off in (gamma_kv, n_kv)).
        // At most two misses per law are allowed.
        java.util.List<String> misses = new java.util.ArrayList<>();
        for (String p : identifiable(law)) {
            Interval ci = boot.parameters().get(p);
            if (!ci.contains(truth.get(p))) {
                misses.add(p + " = " + truth.get(p) + " outside " + ci + " (fit " + fit.value(p) + ")");
            }
        }
        assertTrue(misses.size() <= 2, name + ": " + misses);
    }
}
