package dev.prec.lang.bind.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.PlotEngine;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import dev.prec.plot.Chart;
import dev.prec.plot.Series;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartEngineTest {
    private static final LawValue TRAINING = Laws.published("kumar2024.training");
    private static final LawValue PTQ = Laws.published("kumar2024.ptq");
    private static final LawValue BASE = Laws.published("chinchilla.tied");

    @TempDir
    Path dir;

    private static RecordValue options(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof String s ? new StringValue(s) : NumberValue.of(((Number) v).doubleValue()));
        }
        return new RecordValue(m);
    }

    private static PlotOptions read(Object... kv) {
        return PlotOptions.read(options(kv));
    }

    private Path draw(Value subject, Optional<Value> against, String file, RecordValue options) {
        PlotFile out = new ChartEngine().plot(new PlotEngine.Request(subject, against, dir.resolve(file), options),
                ActionContext.quiet());
        return out.path();
    }

    @ParameterizedTest
    @ValueSource(strings = {"loss", "fit", "neff", "ptq", "contours", "bits_vs_budget", "bits_vs_tokens_per_param", "curves"})
    void everyKindWritesAPngOfTheAskedSizeAndAParsableSvg(String kind) throws Exception {
        LawValue law = kind.equals("ptq") ? PTQ : TRAINING;
        Value subject = kind.equals("curves") ? Laws.curves() : law;
        Optional<Value> against = switch (kind) {
            case "loss", "fit" -> Optional.of(Laws.runs(TRAINING, 0.01, 1));
            case "ptq" -> Optional.of(BASE);
            default -> Optional.empty();
        };
        Path png = draw(subject, against, kind + ".png", options("kind", kind, "width", 640, "height", 420));
        PlotImages.assertPng(png, 640, 420);
        Path svg = draw(subject, against, kind + ".svg", options("kind", kind));
        PlotImages.assertSvg(svg);
    }

    @Test
    void theEngineIsRegisteredAsAService() {
        assertTrue(ServiceLoader.load(PlotEngine.class).stream().anyMatch(p -> p.type() == ChartEngine.class));
    }

    @Test
    void kindFollowsTheSubjectWhenNotGiven() {
        assertTrue(ChartEngine.chart(Laws.runs(TRAINING, 0, 1), Optional.empty(), read()).title().startsWith("Loss"));
        assertTrue(ChartEngine.chart(TRAINING, Optional.empty(), read()).title().startsWith("Effective"));
        assertTrue(ChartEngine.chart(PTQ, Optional.empty(), read()).title().startsWith("Post-training"));
    }

    @Test
    void lossPlotDrawsOneObservedGroupAndOneFittedCurvePerPrecisionAndDataSize() {
        Chart c = ChartEngine.chart(TRAINING, Optional.of(Laws.runs(TRAINING, 0, 1)), read());
        // 3 precisions x 2 token counts, each with points and a curve.
        assertEquals(12, c.series().size());
        assertTrue(c.x().log() && c.x().label().contains("parameters N"));
        Series curve = c.series().get(1);
        Map<String, Double> vars = new HashMap<>(Map.of("D", 2e9, "P_w", 4.0, "P_a", 4.0, "P_kv", 4.0));
        vars.put("N", curve.x()[10]);
        assertEquals(TRAINING.form().loss(vars, TRAINING.values()), curve.y()[10], 1e-12);
        Chart byData = ChartEngine.chart(Laws.runs(TRAINING, 0, 1), Optional.empty(), read("x", "D"));
        assertTrue(byData.x().label().contains("tokens D"));
    }

    @Test
    void heldVariablesWithOneValueGoToTheTitleAndOnlyTheVaryingOnesIntoTheLegend() {
        Chart c = ChartEngine.chart(TRAINING, Optional.of(Laws.runs(TRAINING, 0, 1)), read());
        // The runs vary D (two token counts) and the precision; P_w, P_a and P_kv vary with the precision.
        assertTrue(c.series().stream().allMatch(s -> s.name().contains("D = ")), c.series().toString());
        RunTable oneD = new RunTable(Laws.runs(TRAINING, 0, 1).rows().stream()
                .filter(r -> ((NumberValue) r.config().get("D").orElseThrow()).value() == 2e9).toList());
        Chart single = ChartEngine.chart(TRAINING, Optional.of(oneD), read());
        assertTrue(single.title().contains("at D = 2.000e+09"), single.title());
        assertTrue(single.series().stream().noneMatch(s -> s.name().contains("D = ")), single.series().toString());
    }

    @Test
    void fitPlotCarriesRSquaredOfTheRunsInItsLegend() {
        RunTable runs = Laws.runs(TRAINING, 0.002, 3);
        String right = ChartEngine.chart(TRAINING, Optional.of(runs), read("kind", "fit")).series().getFirst().name();
        double r2 = Double.parseDouble(right.replaceAll(".*R\\^2 = ([0-9.\\-]+).*", "$1"));
        assertTrue(r2 > 0.99, right);
        LawValue shifted = TRAINING.withValues(new HashMap<>(TRAINING.values()) {{ put("E", TRAINING.values().get("E") + 0.3); }});
        String wrong = ChartEngine.chart(shifted, Optional.of(runs), read("kind", "fit")).series().getFirst().name();
        assertTrue(Double.parseDouble(wrong.replaceAll(".*R\\^2 = ([0-9.\\-]+).*", "$1")) < r2 - 0.1, wrong);
        assertEquals(1.0, LossFigures.rSquared(new double[] {1, 2, 3}, new double[] {1, 2, 3}));
        assertEquals(0.0, LossFigures.rSquared(new double[] {1, 2, 3}, new double[] {2, 2, 2}), 1e-12);
    }

    @Test
    void effectiveParamsRiseWithBitsTowardsOne() {
        for (Series s : ChartEngine.chart(TRAINING, Optional.empty(), read("kind", "neff")).series()) {
            double[] y = s.y();
            for (int i = 1; i < y.length; i++) {
                assertTrue(y[i] > y[i - 1], s.name());
            }
            assertTrue(y[y.length - 1] < 1 && y[y.length - 1] > 0.9, s.name());
        }
    }

    @Test
    void ptqMarksTheCriticalDataSizeAtTheMinimumOfTheQuantizedLoss() {
        double n = 1e8;
        Chart alone = ChartEngine.chart(PTQ, Optional.empty(), read("kind", "ptq", "params", n));
        assertTrue(alone.series().stream().noneMatch(s -> s.name().startsWith("D_crit")), "delta alone has no D_crit");
        Chart c = ChartEngine.chart(PTQ, Optional.of(BASE), read("kind", "ptq", "params", n));
        List<Series> marks = c.series().stream().filter(s -> s.name().startsWith("D_crit")).toList();
        assertTrue(!marks.isEmpty(), "no D_crit marked: " + c.series());
        for (Series m : marks) {
            double bits = Double.parseDouble(m.name().replaceAll("D_crit at ([0-9.]+) bits.*", "$1"));
            double dCrit = m.x()[0] * n;
            double at = ptqLoss(n, dCrit, bits);
            assertTrue(at <= ptqLoss(n, dCrit / 1.5, bits) && at <= ptqLoss(n, dCrit * 1.5, bits), m.name());
        }
        // More post-training bits degrade less.
        double[] d3 = c.series().get(0).y();
        double[] d8 = c.series().get(3).y();
        assertTrue(d3[d3.length - 1] > d8[d8.length - 1]);
    }

    private static double ptqLoss(double n, double d, double post) {
        Map<String, Double> vars = new HashMap<>();
        for (String v : PTQ.variables()) {
            vars.put(v, 16.0);
        }
        vars.put("N", n);
        vars.put("D", d);
        vars.put("P_post", post);
        return PTQ.form().loss(vars, PTQ.values()) + BASE.form().loss(vars, BASE.values());
    }

    @Test
    void contourPointsLieOnTheirLevelAndTheGivenOptimumIsMarked() {
        RecordValue best = new RecordValue(Map.of("params", new NumberValue(2e9, Unit.PARAMS),
                "tokens", new NumberValue(4e10, Unit.TOKENS), "bits", new NumberValue(7.5, Unit.BITS)));
        Chart c = ChartEngine.chart(TRAINING, Optional.of(new OptimumValue(best)), read("kind", "contours"));
        Series marked = c.series().getLast();
        assertEquals(2e9, marked.x()[0]);
        assertEquals(7.5, marked.y()[0]);
        int checked = 0;
        for (Series s : c.series().subList(0, c.series().size() - 1)) {
            double level = Double.parseDouble(s.name().substring(4));
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.x()[i])) {
                    double p = s.y()[i];
                    Map<String, Double> vars = Map.of("N", s.x()[i], "D", 4e10, "P_w", p, "P_a", p, "P_kv", p);
                    assertEquals(level, TRAINING.form().loss(vars, TRAINING.values()), 2e-3);
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "too few contour points: " + checked);
    }

    @Test
    void optimalBitsAgainstBudgetMatchThePapersSevenToEightBitsAndGrowWithDataAtFixedN() {
        double[] p = ChartEngine.chart(TRAINING, Optional.empty(), read("kind", "bits_vs_budget")).series().getFirst().y();
        for (double bits : p) {
            assertTrue(bits > 6 && bits < 9, "P* = " + bits);
        }
        Series over = ChartEngine.chart(TRAINING, Optional.empty(),
                read("kind", "bits_vs_tokens_per_param", "params", 1e9)).series().getFirst();
        assertTrue(over.y()[over.size() - 1] > over.y()[0], "over-trained models should want more bits");
        assertTrue(over.x()[over.size() - 1] > over.x()[0]);
    }

    @Test
    void contourLevelsAreTheOnesAskedForInOrderAndOneNumberIsAListOfOne() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("kind", new StringValue("contours"));
        m.put("levels", new dev.prec.lang.value.ListValue(List.of(NumberValue.of(3.4), NumberValue.of(2.9))));
        Chart c = ChartEngine.chart(TRAINING, Optional.empty(), PlotOptions.read(new RecordValue(m)));
        assertEquals(List.of("L = 3.400", "L = 2.900"), c.series().stream().map(Series::name).toList());
        m.put("levels", NumberValue.of(3.1));
        assertEquals(List.of("L = 3.100"), ChartEngine.chart(TRAINING, Optional.empty(),
                PlotOptions.read(new RecordValue(m))).series().stream().map(Series::name).toList());
    }

    @Test
    void titleAndAxisScaleOptionsReplaceTheKindsOwn() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("kind", new StringValue("neff"));
        m.put("title", new StringValue("Mine"));
        m.put("log_y", new dev.prec.lang.value.BoolValue(true));
        PlotOptions o = PlotOptions.read(new RecordValue(m));
        Chart c = o.look().apply(ChartEngine.chart(TRAINING, Optional.empty(), o));
        assertEquals("Mine", c.title());
        assertTrue(c.y().log());
        assertTrue(!c.x().log(), "log_x not given: the kind's linear bits axis stays");
    }

    @Test
    void anOptimumAfterAgainstDrawsContoursByDefaultAndAValueAFigureWouldDropIsRefused() {
        RecordValue best = new RecordValue(Map.of("params", new NumberValue(2e9, Unit.PARAMS),
                "tokens", new NumberValue(4e10, Unit.TOKENS), "bits", new NumberValue(7.5, Unit.BITS)));
        Chart c = ChartEngine.chart(TRAINING, Optional.of(new OptimumValue(best)), read());
        assertTrue(c.title().startsWith("Iso-loss"), c.title());
        var e = assertThrows(IllegalArgumentException.class,
                () -> ChartEngine.chart(TRAINING, Optional.of(new OptimumValue(best)), read("kind", "neff")));
        assertTrue(e.getMessage().contains("does not draw an optimum"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ChartEngine.chart(Laws.runs(TRAINING, 0, 1), Optional.of(TRAINING), read()));
    }

    /** A fit of the paper's law whose bootstrap samples scatter each parameter by 3% (seeded). */
    static dev.prec.lang.value.FitResult bootstrapped(int count) {
        java.util.Random r = new java.util.Random(11);
        List<Map<String, Double>> samples = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Double> s = new LinkedHashMap<>();
            TRAINING.values().forEach((k, v) -> s.put(k, v * (1 + 0.03 * r.nextGaussian())));
            samples.add(s);
        }
        return new dev.prec.lang.value.FitResult(TRAINING, List.of(), RecordValue.EMPTY,
                Optional.of(new dev.prec.lang.value.BootstrapSamples(count, 0, 0.9, 11, samples)));
    }

    @Test
    void optimalBitsOfABootstrappedFitCarryThePercentileBandOfThePerSampleOptima() {
        var fit = bootstrapped(40);
        long start = System.nanoTime();
        Chart c = ChartEngine.chart(fit, Optional.empty(), read("kind", "bits_vs_budget", "points", 8));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(3, c.series().size(), c.series().toString());
        Series central = c.series().get(0);
        Series lower = c.series().get(1);
        Series upper = c.series().get(2);
        assertTrue(lower.name().startsWith("90% bootstrap band (40 samples)"), lower.name());
        // Independent oracle at the first budget: solve each sample's law, sort, interpolate the 5th/95th percentile.
        double[] perSample = fit.sampleLaws().stream().mapToDouble(l -> PlanningFigures.optimalBitsPerBudget(l,
                new double[] {central.x()[0]}, Optional.empty())[0][1]).sorted().toArray();
        double pos = 0.05 * (perSample.length - 1);
        int i = (int) pos;
        assertEquals(perSample[i] + (pos - i) * (perSample[i + 1] - perSample[i]), lower.y()[0], 1e-12);
        for (int k = 0; k < central.size(); k++) {
            assertTrue(lower.y()[k] <= central.y()[k] + 0.05 && central.y()[k] <= upper.y()[k] + 0.05,
                    "band at budget " + k + ": " + lower.y()[k] + " / " + central.y()[k] + " / " + upper.y()[k]);
            assertTrue(upper.y()[k] > lower.y()[k], "a 3% scatter of the parameters moves P*");
        }
        assertTrue(seconds < 20, "40 samples x 8 budgets took " + seconds + " s");
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("kind", new StringValue("bits_vs_tokens_per_param"));
        m.put("points", NumberValue.of(6));
        assertEquals(3, ChartEngine.chart(fit, Optional.empty(), PlotOptions.read(new RecordValue(m))).series().size());
        m.put("band", new dev.prec.lang.value.BoolValue(false));
        assertEquals(1, ChartEngine.chart(fit, Optional.empty(), PlotOptions.read(new RecordValue(m))).series().size());
    }

    @Test
    void fittedLossCurvesOfABootstrappedFitCarryTheBandOfThePredictedLoss() {
        var fit = bootstrapped(30);
        RunTable fourBits = new RunTable(Laws.runs(TRAINING, 0.01, 1).rows().subList(0, 8));
        Chart c = ChartEngine.chart(fit, Optional.of(fourBits), read());
        // Two groups (4 bits at two data sizes), each: points, fitted curve, band lower, band upper.
        assertEquals(8, c.series().size(), c.series().toString());
        Series fitted = c.series().get(1);
        Series lower = c.series().get(2);
        Series upper = c.series().get(3);
        assertTrue(lower.name().startsWith("90% band"), lower.name());
        for (int i = 0; i < fitted.size(); i += 7) {
            Map<String, Double> vars = new HashMap<>(Map.of("N", fitted.x()[i], "D", 2e9, "P_w", 4.0, "P_a", 4.0,
                    "P_kv", 4.0));
            var expected = fit.lossInterval(vars).orElseThrow();
            assertEquals(expected.lower(), lower.y()[i], 1e-12);
            assertEquals(expected.upper(), upper.y()[i], 1e-12);
            assertTrue(lower.y()[i] < fitted.y()[i] && fitted.y()[i] < upper.y()[i]);
        }
        // Six groups: bands would hide the data, so none are drawn.
        assertEquals(12, ChartEngine.chart(fit, Optional.of(Laws.runs(TRAINING, 0.01, 1)), read()).series().size());
    }

    @Test
    void badRequestsSayWhatIsMissing() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ChartEngine.chart(TRAINING, Optional.empty(), read("kind", "fit")));
        assertTrue(e.getMessage().contains("run table"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("kind", "pie"));
        assertThrows(IllegalArgumentException.class, () -> read("x", "P"));
        assertThrows(IllegalArgumentException.class, () -> draw(TRAINING, Optional.empty(), "a.jpg", options()));
        assertThrows(IllegalArgumentException.class,
                () -> ChartEngine.chart(Laws.published("chinchilla"), Optional.empty(), read("kind", "neff")));
    }
}
