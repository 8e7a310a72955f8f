package dev.prec.lang.bind.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.OptimizeEngine;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.Value;
import dev.prec.law.LawRegistry;
import dev.prec.optimize.CostModel;
import dev.prec.optimize.LossSurface;
import dev.prec.optimize.Optimum;
import dev.prec.optimize.SearchSpace;
import dev.prec.optimize.Solver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptimizeScriptTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    /** The installed engines; the registry's laws stand in for a catalog when none is installed. */
    private static Pipeline pipeline() {
        Engines installed = Engines.installed();
        return new Pipeline(installed.laws().isPresent() ? installed : installed.withLaws(new RegistryCatalog()));
    }

    private static Optional<Value> run(String name, String text, List<String> printed, DiagnosticSink sink) {
        SourceFile source = new SourceFile(name, text);
        Session session = Pipeline.session(printed::add, EXAMPLES);
        Optional<Value> v = pipeline().run(source, session, sink);
        assertTrue(v.isPresent() && sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        return v;
    }

    @Test
    void theEngineIsInstalledThroughTheServiceLoader() {
        Optional<OptimizeEngine> e = Engines.installed().optimize();
        assertTrue(e.isPresent());
        assertInstanceOf(ComputeOptimalEngine.class, e.get());
    }

    @Test
    void theExampleScriptPrintsTheOptimumOfThePublishedLaw() throws Exception {
        List<String> printed = new ArrayList<>();
        run("optimize.prec", Files.readString(EXAMPLES.resolve("optimize.prec")), printed, new DiagnosticSink());
        Optimum expected = new Solver(LossSurface.of(LawRegistry.get("kumar2024.training").atPublished()),
                new CostModel.BitFlops(), SearchSpace.defaults()).joint(1e21);
        String out = String.join("\n", printed);
        int n = printed.indexOf("N* (parameters):");
        assertTrue(n >= 0, out);
        assertEquals(expected.point().params(), number(printed.get(n + 1)), expected.point().params() * 1e-3, out);
        assertEquals(expected.point().tokens(), number(printed.get(n + 3)), expected.point().tokens() * 1e-3, out);
        assertEquals(expected.point().bits(), number(printed.get(n + 5)), 1e-3, out);
        assertEquals(expected.loss(), number(printed.get(n + 7)), 1e-3, out);
    }

    /** The leading number of a printed value such as "1.23e9 params". */
    private static double number(String line) {
        return Double.parseDouble(line.trim().split("\\s+")[0].replace("B", "e9").replace("M", "e6"));
    }

    @Test
    void optionsChooseTheProblemAndTheOptimumSpendsTheBudget() {
        List<String> printed = new ArrayList<>();
        String script = """
                fixed = optimize kumar2024.training for budget 1e21 bitflops with { fixed_bits: 4 bits }
                flops = optimize kumar2024.training for budget 1e21 flops
                served = optimize kumar2024.training for budget 1e21 bitflops with { cost: "inference", served_tokens: 1T tokens }
                fixed
                """;
        Value v = run("options.prec", script, printed, new DiagnosticSink()).orElseThrow();
        OptimumValue o = assertInstanceOf(OptimumValue.class, v);
        double bits = ((NumberValue) o.fields().get("bits").orElseThrow()).value();
        double cost = ((NumberValue) o.fields().get("cost").orElseThrow()).value();
        assertEquals(4, bits);
        assertEquals(1e21, cost, 1e21 * 1e-12);
    }

    @Test
    void aBudgetInTheWrongUnitForTheCostModelIsAScriptErrorAtTheAction() {
        DiagnosticSink sink = new DiagnosticSink();
        SourceFile source = new SourceFile("bad.prec", "x = optimize kumar2024.training for budget 1e21 flops with { cost: \"bitflops\" }\n");
        Optional<Value> v = pipeline().run(source, Pipeline.session(s -> { }, EXAMPLES), sink);
        assertTrue(v.isEmpty());
        String text = DiagnosticRenderer.render(sink.all(), source);
        assertTrue(text.contains("measures budgets in bitflops"), text);
        assertTrue(text.contains("bad.prec:1:"), text);
    }
}
