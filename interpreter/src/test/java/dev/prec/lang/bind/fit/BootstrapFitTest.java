package dev.prec.lang.bind.fit;

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
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fit ... with { bootstrap: n }} keeps every resample's parameters on the fit value, so the
 * intervals of anything computed from the law can be taken over the same resamples.
 */
class BootstrapFitTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String FIT = "fitted = fit chinchilla() to csv(\"data/chinchilla-synthetic.csv\")"
            + " with { start_grid: 2, bootstrap: 40, seed: 3 }\n";

    private static Session run(String text, List<String> printed) {
        SourceFile source = new SourceFile("boot.prec", text);
        Session session = Pipeline.session(printed::add, EXAMPLES);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(source, session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        return session;
    }

    private static FitResult fit(Session s) {
        return assertInstanceOf(FitResult.class, s.lookup("fitted").orElseThrow());
    }

    /** The textbook percentile (linear interpolation between order statistics), written out here as the oracle. */
    private static double[] percentile95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double[] out = new double[2];
        double[] q = {0.025, 0.975};
        for (int k = 0; k < 2; k++) {
            double pos = q[k] * (s.length - 1);
            int i = (int) pos;
            out[k] = s[i] + (pos - i) * (s[Math.min(i + 1, s.length - 1)] - s[i]);
        }
        return out;
    }

    @Test
    void theFitKeepsOneSamplePerConvergedResampleAndItsParameterIntervalsComeFromThem() {
        FitResult f = fit(run(FIT, new ArrayList<>()));
        BootstrapSamples b = f.bootstrap().orElseThrow();
        assertEquals(40, b.resamples());
        assertEquals(b.resamples() - b.failed(), b.samples().size());
        assertTrue(b.samples().size() >= 30, "converged " + b.samples().size());
        for (FitResult.Estimate e : f.estimates()) {
            double[] values = b.samples().stream().mapToDouble(s -> s.get(e.name())).toArray();
            double[] oracle = percentile95(values);
            // The estimate's interval is the percentile interval widened to contain the estimate.
            assertEquals(Math.min(e.value(), oracle[0]), e.lower(), 1e-12 * Math.abs(e.value()), e.name());
            assertEquals(Math.max(e.value(), oracle[1]), e.upper(), 1e-12 * Math.abs(e.value()), e.name());
            assertTrue(e.lower() < e.upper(), e.toString());
        }
    }

    @Test
    void theLossIntervalAtAPointIsThePercentileOfTheSampleLawsPredictions() {
        FitResult f = fit(run(FIT, new ArrayList<>()));
        Map<String, Double> point = Map.of("N", 1e9, "D", 2e10);
        List<LawValue> laws = f.sampleLaws();
        assertEquals(f.bootstrap().orElseThrow().samples().size(), laws.size());
        double[] losses = laws.stream().mapToDouble(l -> {
            double a = l.values().get("A");
            double bb = l.values().get("B");
            return a / Math.pow(1e9, l.values().get("alpha")) + bb / Math.pow(2e10, l.values().get("beta")) + l.values().get("E");
        }).toArray();
        double[] oracle = percentile95(losses);
        BootstrapSamples.Interval band = f.lossInterval(point).orElseThrow();
        assertEquals(oracle[0], band.lower(), 1e-12);
        assertEquals(oracle[1], band.upper(), 1e-12);
        double central = f.law().form().loss(point, f.law().values());
        assertTrue(band.lower() < central && central < band.upper(), band + " around " + central);
        // Hoffmann et al.'s law, which generated the data with 1% noise, lies inside at an interior point.
        double truth = 406.4 / Math.pow(1e9, 0.34) + 410.7 / Math.pow(2e10, 0.28) + 1.69;
        assertTrue(band.lower() < truth && truth < band.upper(), band + " vs truth " + truth);
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        FitResult a = fit(run(FIT, new ArrayList<>()));
        FitResult b = fit(run(FIT, new ArrayList<>()));
        assertEquals(a.bootstrap().orElseThrow().samples(), b.bootstrap().orElseThrow().samples());
    }

    @Test
    void aScriptReadsTheIntervalsAndSamplesAndPrintSaysWhereTheIntervalsComeFrom() {
        List<String> printed = new ArrayList<>();
        Session s = run(FIT + """
                print fitted
                assert fitted.lower.alpha < fitted.alpha and fitted.alpha < fitted.upper.alpha
                n = fitted.samples
                """, printed);
        String out = String.join("\n", printed);
        assertTrue(out.contains("95% percentile bootstrap intervals over"), out);
        ListValue samples = assertInstanceOf(ListValue.class, s.lookup("n").orElseThrow());
        assertEquals(fit(s).bootstrap().orElseThrow().samples().size(), samples.elements().size());
    }

    @Test
    void withoutBootstrapThereAreNoSamplesAndNoBand() {
        FitResult f = fit(run("fitted = fit chinchilla() to csv(\"data/chinchilla-synthetic.csv\") with { start_grid: 2 }\n",
                new ArrayList<>()));
        assertTrue(f.bootstrap().isEmpty());
        assertTrue(f.sampleLaws().isEmpty());
        assertTrue(f.lossInterval(Map.of("N", 1e9, "D", 2e10)).isEmpty());
        assertEquals(f.estimates().getFirst().value(), f.estimates().getFirst().lower());
    }
}
