package dev.prec.lang.bind.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.BootstrapSamples;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.RecordValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize} of a law from a bootstrapped fit reports intervals solved per bootstrap sample.
 * The law is Kumar et al.'s tied form (weights, activations and KV cache at one precision P, one
 * gamma), whose joint optimum under the cost (6/16) N D P is P* = 1.904 gamma for any other
 * constant (SCIENCE.md; x / (1 - e^-x)^3 is least at e^x - 1 = 3x). So the interval of P* must be
 * 1.904 times the percentile interval of the fitted gamma: an oracle that shares nothing with the solver.
 */
class OptimumIntervalTest {
    /** The root of e^x - 1 = 3x, to 1e-4. */
    private static final double TIED_RATIO = 1.9038;
    private static final String LAW = """
            law tied(N, D, P) {
              params A > 0, alpha in [0.05, 1], B > 0, beta in [0.05, 1], E > 0, g in [0.5, 10]
              Neff = N * (1 - exp(-P / g))^3
              loss = A * Neff^-alpha + B * D^-beta + E
            }
            fitted = fit tied to csv("tied.csv") with { start_grid: 2, bootstrap: 24, seed: 5 }
            """;

    @TempDir
    static Path dir;

    /** 80 runs of the tied law (A 400, alpha 0.34, B 400, beta 0.28, E 1.7, g 2.5) with 1% log-normal noise. */
    @BeforeAll
    static void writeRuns() throws IOException {
        Random noise = new Random(11);
        StringBuilder b = new StringBuilder("N,D,P,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double d : new double[] {1e8, 1e9, 1e10, 1e11}) {
                for (double p : new double[] {2, 3, 4, 6, 16}) {
                    double neff = n * Math.pow(1 - Math.exp(-p / 2.5), 3);
                    double loss = 400 * Math.pow(neff, -0.34) + 400 * Math.pow(d, -0.28) + 1.7;
                    b.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.17g%n", n, d, p,
                            loss * Math.exp(0.01 * noise.nextGaussian())));
                }
            }
        }
        Files.writeString(dir.resolve("tied.csv"), b.toString());
    }

    private static Session run(String text, List<String> printed) {
        SourceFile source = new SourceFile("interval.prec", text);
        Session session = Pipeline.session(printed::add, dir);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(source, session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        return session;
    }

    private static double number(RecordValue r, String... path) {
        RecordValue at = r;
        for (int i = 0; i < path.length - 1; i++) {
            at = assertInstanceOf(RecordValue.class, at.get(path[i]).orElseThrow(), path[i]);
        }
        return assertInstanceOf(NumberValue.class, at.get(path[path.length - 1]).orElseThrow()).value();
    }

    @Test
    void theIntervalOfTheOptimalPrecisionIsTheTiedRatioTimesTheIntervalOfGamma() {
        Session s = run(LAW + "best = optimize fitted for budget 1e19 bitflops\n", new ArrayList<>());
        FitResult fit = assertInstanceOf(FitResult.class, s.lookup("fitted").orElseThrow());
        RecordValue best = assertInstanceOf(OptimumValue.class, s.lookup("best").orElseThrow()).fields();
        BootstrapSamples boot = fit.bootstrap().orElseThrow();
        BootstrapSamples.Interval gamma = boot.interval(v -> v.get("g")).orElseThrow();
        assertEquals(boot.samples().size(), number(best, "intervals", "samples") + number(best, "intervals", "infeasible"));
        assertEquals(TIED_RATIO * gamma.lower(), number(best, "intervals", "bits", "lower"), 1e-3 * TIED_RATIO * gamma.lower());
        assertEquals(TIED_RATIO * gamma.upper(), number(best, "intervals", "bits", "upper"), 1e-3 * TIED_RATIO * gamma.upper());
        assertEquals(TIED_RATIO * fit.law().values().get("g"), number(best, "bits"), 1e-3 * number(best, "bits"));
        for (String q : List.of("params", "tokens", "loss", "tokens_per_param")) {
            double lo = number(best, "intervals", q, "lower");
            double hi = number(best, "intervals", q, "upper");
            double at = number(best, q);
            assertTrue(lo < hi, q + " [" + lo + ", " + hi + "]");
            assertTrue(lo <= at * (1 + 1e-6) && at <= hi * (1 + 1e-6), q + " " + at + " outside [" + lo + ", " + hi + "]");
        }
    }

    @Test
    void theOptimumPrintsItsIntervalsAndScriptsReadThemAsFields() {
        List<String> printed = new ArrayList<>();
        run(LAW + """
                best = optimize fitted for budget 1e19 bitflops with { fixed_params: 1e8 params }
                print best
                assert best.intervals.bits.lower <= best.bits and best.bits <= best.intervals.bits.upper
                assert best.intervals.params.lower == 1e8 params
                """, printed);
        String out = String.join("\n", printed);
        assertTrue(out.contains("95% bootstrap intervals over"), out);
        assertTrue(out.contains("bits ["), out);
    }

    @Test
    void anOptimumOfAnUnbootstrappedOrPublishedLawHasNoIntervals() {
        Session s = run("""
                plain = fit chinchilla() to csv("tied.csv") with { start_grid: 2 }
                a = optimize plain for budget 1e21 flops
                b = optimize kumar2024.training for budget 1e21 bitflops
                """, new ArrayList<>());
        for (String name : List.of("a", "b")) {
            RecordValue f = assertInstanceOf(OptimumValue.class, s.lookup(name).orElseThrow()).fields();
            assertTrue(f.get("intervals").isEmpty(), name + ": " + f.show());
            assertTrue(!f.show().contains("bootstrap"), f.show());
        }
    }
}
