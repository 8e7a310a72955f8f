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
import dev.prec.lang.value.FitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follow-up laws of SCIENCE.md section 5 as written in examples/laws/: each script fits its
 * law to rows generated here from known parameters by an independent Java formula, and the fit
 * recovers them.
 */
class UserLawFitTest {
    private static final Path LAWS = Path.of("..", "examples", "laws").toAbsolutePath().normalize();
    /** Relative error allowed on a recovered parameter (noise-free data, so only the optimiser's tolerance). */
    private static final double TOLERANCE = 0.02;

    @TempDir
    Path dir;

    /** A generated row: named values. */
    private record Row(Map<String, Double> values) {
        double get(String name) {
            return values.get(name);
        }
    }

    private FitResult fitScript(String script, String csv, List<String> columns, List<Row> rows) throws IOException {
        return fitScript(LAWS, script, csv, columns, rows);
    }

    /** Writes rows as CSV into the temporary directory, runs the script from {@code scripts} there, and returns its fit. */
    private FitResult fitScript(Path scripts, String script, String csv, List<String> columns, List<Row> rows) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(String.format(Locale.ROOT, "%.17g", r.get(c)));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        Files.createDirectories(dir.resolve(csv).getParent());
        Files.writeString(dir.resolve(csv), b.toString());
        String text = Files.readString(scripts.resolve(script));
        List<String> printed = new ArrayList<>();
        Session session = Pipeline.session(printed::add, dir);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(new SourceFile(script, text), session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), new SourceFile(script, text)));
        assertTrue(String.join("\n", printed).contains("fit of "), printed.toString());
        return assertInstanceOf(FitResult.class, session.lookup("fitted").orElseThrow());
    }

    private static void assertRecovered(Map<String, Double> truth, FitResult fit) {
        truth.forEach((name, expected) -> {
            double got = fit.law().values().get(name);
            assertEquals(expected, got, TOLERANCE * Math.abs(expected), name + " in " + fit.law().values());
        });
    }

    private static List<Row> grid(Map<String, double[]> axes, ToDoubleFunction<Map<String, Double>> target, String out) {
        List<Map<String, Double>> points = new ArrayList<>(List.of(Map.of()));
        for (Map.Entry<String, double[]> axis : axes.entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> p : points) {
                for (double v : axis.getValue()) {
                    Map<String, Double> q = new java.util.LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, Double> p : points) {
            Map<String, Double> r = new java.util.LinkedHashMap<>(p);
            r.put(out, target.applyAsDouble(p));
            rows.add(new Row(r));
        }
        return rows;
    }

    private static Map<String, double[]> axes(Object... nameValues) {
        Map<String, double[]> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put((String) nameValues[i], (double[]) nameValues[i + 1]);
        }
        return m;
    }

    @Test
    void sunEtAlFloatingPointLawRecoversItsEightParameters() throws IOException {
        Map<String, Double> t = Map.of("n", 200.0, "alpha", 0.3, "d", 600.0, "beta", 0.3, "eps", 1.8,
                "gamma", 1.5, "delta", 1.0, "nu", 1.5);
        List<Row> rows = grid(axes("N", new double[] {1e7, 3e7, 1e8, 3e8}, "D", new double[] {1e8, 1e9, 1e10},
                "E", new double[] {2, 3, 4, 5}, "M", new double[] {1, 2, 3}, "B", new double[] {16, 32, 128}), p -> {
                    double n = p.get("N");
                    double d = p.get("D");
                    double penalty = Math.pow(d, t.get("beta")) / Math.pow(n, t.get("alpha")) * (Math.log(p.get("B")) / Math.log(2))
                            / (t.get("gamma") * Math.pow(p.get("E") + 0.5, t.get("delta")) * Math.pow(p.get("M") + 0.5, t.get("nu")));
                    return t.get("n") / Math.pow(n, t.get("alpha")) + t.get("d") / Math.pow(d, t.get("beta")) + t.get("eps") + penalty;
                }, "loss");
        assertRecovered(t, fitScript("sun2025_fp.prec", "sun2025_fp.csv", List.of("N", "D", "E", "M", "B", "loss"), rows));
    }

    @Test
    void chenEtAlQatGroupSizeLawRecoversItsParametersFromTheDeltaColumn() throws IOException {
        Map<String, Double> t = Map.of("k", 0.05, "gamma_D", 0.3, "gamma_G", 1.2, "gamma_N", 0.5);
        List<Row> rows = grid(axes("N", new double[] {1e7, 3e7, 1e8, 3e8}, "D", new double[] {1e8, 1e9, 1e10},
                "G", new double[] {32, 64, 128, 256}), p -> t.get("k") * Math.pow(p.get("D"), t.get("gamma_D"))
                * Math.pow(Math.log(p.get("G")) / Math.log(2), t.get("gamma_G")) / Math.pow(p.get("N"), t.get("gamma_N")), "delta");
        assertRecovered(t, fitScript("chen2025_qat.prec", "chen2025_qat.csv", List.of("N", "D", "G", "delta"), rows));
    }

    @Test
    void quartetForwardAndBackwardPrecisionLawRecoversItsParameters() throws IOException {
        Map<String, Double> t = Map.of("A", 400.0, "alpha", 0.34, "B", 400.0, "beta", 0.28, "E", 1.7,
                "gf", 2.5, "gb", 4.0);
        List<Row> rows = grid(axes("N", new double[] {1e7, 3e7, 1e8, 3e8}, "D", new double[] {1e8, 1e9, 1e10},
                "Pf", new double[] {3, 4, 6, 8, 16}, "Pb", new double[] {4, 6, 8, 16}), p -> {
                    double neff = p.get("N") * (1 - Math.exp(-p.get("Pf") / t.get("gf")));
                    double deff = p.get("D") * (1 - Math.exp(-p.get("Pb") / t.get("gb")));
                    return t.get("A") / Math.pow(neff, t.get("alpha")) + t.get("B") / Math.pow(deff, t.get("beta")) + t.get("E");
                }, "loss");
        assertRecovered(t, fitScript("quartet2025.prec", "quartet2025.csv", List.of("N", "D", "Pf", "Pb", "loss"), rows));
    }

    @Test
    void chinchillaFittedThroughTheExampleScriptRecoversHoffmannsConstantsWithIntervalsAroundThem() throws IOException {
        Map<String, Double> t = Map.of("A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28, "E", 1.69);
        java.util.Random noise = new java.util.Random(7);
        List<Row> rows = grid(axes("N", new double[] {1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9},
                "D", new double[] {1e8, 3e8, 1e9, 3e9, 1e10, 3e10}), p -> (t.get("A") / Math.pow(p.get("N"), t.get("alpha"))
                + t.get("B") / Math.pow(p.get("D"), t.get("beta")) + t.get("E")) * Math.exp(0.002 * noise.nextGaussian()), "loss");
        FitResult fit = fitScript(LAWS.getParent(), "fit-chinchilla.prec", "data/chinchilla-synthetic.csv", List.of("N", "D", "loss"), rows);
        for (FitResult.Estimate e : fit.estimates()) {
            assertTrue(e.lower() < e.upper(), e.toString());
            assertTrue(e.lower() <= t.get(e.name()) && t.get(e.name()) <= e.upper()
                    || Math.abs(e.value() - t.get(e.name())) < 0.05 * t.get(e.name()), e.toString());
        }
        assertTrue(fit.statistics().get("provenance").isPresent());
        // Rollout: 30% of the 7 model sizes (2) held out, 12 rows, predicted within the 0.2% noise and the refit's error.
        dev.prec.lang.value.RecordValue rollout = (dev.prec.lang.value.RecordValue) fit.statistics().get("rollout").orElseThrow();
        assertEquals(12.0, ((dev.prec.lang.value.NumberValue) rollout.get("held_out").orElseThrow()).value());
        double rmse = ((dev.prec.lang.value.NumberValue) rollout.get("rmse").orElseThrow()).value();
        assertTrue(rmse > 0 && rmse < 0.01, "rollout rmse " + rmse);
    }
}
