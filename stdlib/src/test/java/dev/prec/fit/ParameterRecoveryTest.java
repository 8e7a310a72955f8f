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
 * must give 95% bootstrap intervals containing them, up to the misses a group of strongly
 * correlated parameters makes together ({@link #block}). Start grids are small to keep the suite
 * fast; the benchmark runs the full grid.
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

    /**
     * The groups of parameters whose bootstrap estimates move together. Measured on 500 noisy runs
     * (seed 12, 200 resamples): in the base law A, alpha and B correlate above 0.99 and each with E
     * above 0.9 (chinchilla: A~alpha 0.996, B~beta 0.995); gamma_x and n_x of one precision part
     * correlate from -0.95 (weights) to -0.99 (activations, KV cache); in delta_PTQ C_T and b are one
     * direction (1.000) and the exponents move with them; the robustness constants C_w, C_a, C_kv
     * trade off against each other.
     */
    static String block(String parameter) {
        return switch (parameter) {
            case "A", "alpha", "B", "beta", "E" -> "base";
            case "C_T", "b", "gamma_D", "gamma_N", "gamma_post" -> "ptq";
            case "C_w", "C_a", "C_kv" -> "robustness";
            default -> parameter.startsWith("gamma_") || parameter.startsWith("n_")
                    ? "part " + parameter.substring(parameter.indexOf('_') + 1) : parameter;
        };
    }

    /**
     * Each 95% interval misses its true value with probability about 0.05, and it does: over 10
     * seeds of every law here (about 890 intervals) 51 missed, 5.7%, with 200 resamples (57 with
     * 60). But misses come in groups, because the estimates of a {@link #block} move together: when
     * the noise pushes the fit along the (A, alpha, B) direction, all three intervals miss at once.
     * So the claim tested is that every miss of a law lies in one block; in those 120 fits it held
     * every time with 200 resamples (with 60, two fits had misses in two blocks, the percentile
     * ends of 60 samples being noisy). A fitter that is biased, or intervals that are too narrow,
     * misses in several blocks. More precision levels per part would narrow the intervals but not
     * change the coverage, which is already nominal; the correlations are the law's, not the data's.
     */
    @ParameterizedTest
    @MethodSource("laws")
    void noisyDataGivesBootstrapIntervalsWhoseMissesLieInOneCorrelatedBlock(String name) {
        Law law = LawRegistry.get(name);
        Map<String, Double> truth = SyntheticRuns.truth(law);
        RunTable runs = SyntheticRuns.generate(law, truth, 500, 0.005, 12);
        FitResult fit = Fitter.fit(law, runs, quick(law));
        BootstrapResult boot = Bootstrap.run(fit, 200, 0.95, 5,
                v -> v.containsKey("b") ? Map.of("C_T e^b", v.get("C_T") * Math.exp(v.get("b"))) : Map.of());
        assertTrue(boot.failed() <= 20, boot.failed() + " of 200 refits failed");
        if (law.parameterNames().contains("b")) {
            Interval ci = boot.derived().get("C_T e^b");
            assertTrue(ci.contains(truth.get("C_T") * Math.exp(truth.get("b"))), ci.toString());
        }
        java.util.List<String> misses = new java.util.ArrayList<>();
        java.util.Set<String> blocks = new java.util.TreeSet<>();
        for (String p : identifiable(law)) {
            Interval ci = boot.parameters().get(p);
            if (!ci.contains(truth.get(p))) {
                misses.add(p + " = " + truth.get(p) + " outside " + ci + " (fit " + fit.value(p) + ")");
                blocks.add(block(p));
            }
        }
        assertTrue(blocks.size() <= 1, name + ": misses in blocks " + blocks + ": " + misses);
    }
}
