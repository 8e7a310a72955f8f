package dev.prec.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.value.BootstrapSamples;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict law at {...}} with lists or ranges in the point evaluates the law over their grid, as a table. */
class PredictionGridTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String LAW = "law f(N, D) { loss = 100 * N^-0.3 + 50 * D^-0.2 + 1.5 }\n";

    @TempDir
    Path dir;

    private Session run(Engines engines, Path base, String script, List<String> printed) {
        SourceFile source = new SourceFile("grid.prec", script);
        Session session = Pipeline.session(printed::add, base);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(engines).run(source, session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        return session;
    }

    private static double num(RunTable.Run r, String column) {
        return assertInstanceOf(NumberValue.class, r.fields().get(column).orElseThrow(), column).value();
    }

    @Test
    void aGridHasOneRowPerPointLastVariableFastestWithTheLawsLossAndTheUnitsAsWritten() {
        Session s = run(Engines.none(), dir, LAW + "t = predict f at { D: 1B tokens..3B tokens by 1B tokens, N: [100M params, 1B params] }\n",
                new ArrayList<>());
        RunTable t = assertInstanceOf(RunTable.class, s.lookup("t").orElseThrow());
        assertEquals(6, t.rows().size());
        double[][] expected = {{1e8, 1e9}, {1e8, 2e9}, {1e8, 3e9}, {1e9, 1e9}, {1e9, 2e9}, {1e9, 3e9}};
        for (int i = 0; i < 6; i++) {
            RunTable.Run r = t.rows().get(i);
            double n = expected[i][0];
            double d = expected[i][1];
            assertEquals(n, num(r, "N"), "row " + i);
            assertEquals(d, num(r, "D"), "row " + i);
            double loss = 100 * Math.pow(n, -0.3) + 50 * Math.pow(d, -0.2) + 1.5;
            assertEquals(loss, num(r, "loss"), 1e-12 * loss, "row " + i);
        }
        assertEquals(Unit.PARAMS, ((NumberValue) t.rows().get(0).fields().get("N").orElseThrow()).unit());
        assertEquals(List.of("N", "D"), List.copyOf(t.rows().get(0).config().fields().keySet()));
    }

    @Test
    void thePredictionTableFiltersPrintsAndExportsLikeAnyTable() throws Exception {
        List<String> printed = new ArrayList<>();
        run(Engines.none(), dir, LAW + """
                t = predict f at { N: [1e8, 1e9, 1e10], D: 2e9 }
                big = t where N > 5e8
                assert big.count == 2
                assert t.loss[0] > t.loss[2]
                print t
                export t to "pred.csv"
                """, printed);
        assertTrue(printed.getFirst().startsWith("N"), printed.getFirst());
        assertTrue(printed.getFirst().contains("loss"), printed.getFirst());
        List<String> csv = Files.readAllLines(dir.resolve("pred.csv"));
        assertEquals("N,D,loss", csv.getFirst());
        assertEquals(4, csv.size());
    }

    @Test
    void aGridOfABootstrappedFitCarriesThePercentileBandOfEachPoint() {
        Session s = run(Engines.installed(), EXAMPLES, """
                fitted = fit chinchilla() to csv("data/chinchilla-synthetic.csv") with { start_grid: 2, bootstrap: 30, seed: 2 }
                t = predict fitted at { N: [1e8, 1e9, 1e10], D: [2e9, 2e10] }
                """, new ArrayList<>());
        FitResult f = assertInstanceOf(FitResult.class, s.lookup("fitted").orElseThrow());
        RunTable t = assertInstanceOf(RunTable.class, s.lookup("t").orElseThrow());
        assertEquals(6, t.rows().size());
        for (RunTable.Run r : t.rows()) {
            Map<String, Double> point = Map.of("N", num(r, "N"), "D", num(r, "D"));
            BootstrapSamples.Interval band = f.lossInterval(point).orElseThrow();
            assertEquals(band.lower(), num(r, "loss_lower"));
            assertEquals(band.upper(), num(r, "loss_upper"));
            assertTrue(num(r, "loss_lower") <= num(r, "loss") && num(r, "loss") <= num(r, "loss_upper"), r.fields().show());
        }
    }

    @Test
    void aPointWithoutListsStillPredictsANumberAndAGridWithAnUnknownVariableIsAnError() {
        Session s = run(Engines.none(), dir, LAW + "x = predict f at { N: 1e9, D: 2e9 }\n", new ArrayList<>());
        assertInstanceOf(NumberValue.class, s.lookup("x").orElseThrow());
        SourceFile bad = new SourceFile("bad.prec", LAW + "t = predict f at { N: [1e8, 1e9], Q: 2 }\n");
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.none()).run(bad, Pipeline.session(l -> { }, dir), sink);
        String text = DiagnosticRenderer.render(sink.all(), bad);
        assertTrue(text.contains("law 'f' has no variable 'Q'"), text);
        assertTrue(text.contains("bad.prec:2:"), text);
    }

    @Test
    void aGridOfMoreThanAMillionPointsIsRefusedBeforeAnyIsEvaluated() {
        SourceFile bad = new SourceFile("big.prec", LAW + "t = predict f at { N: 1..2000, D: 1..2000 }\n");
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.none()).run(bad, Pipeline.session(l -> { }, dir), sink);
        String text = DiagnosticRenderer.render(sink.all(), bad);
        assertTrue(text.contains("more than 1000000 points"), text);
    }
}
