package dev.prec.lang.builtin;

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
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.law.Evaluation;
import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every law of Kumar et al. in the law registry is reachable from a script as a field of
 * {@code kumar2024}, and the weight-only law, reachable only from Java before, can be evaluated at
 * its published constants and refitted from a script.
 */
class KumarLawsTest {

    @TempDir
    Path dir;

    private Session run(String text) {
        List<String> printed = new ArrayList<>();
        Session session = Pipeline.session(printed::add, dir);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(new SourceFile("t.prec", text), session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), new SourceFile("t.prec", text)));
        return session;
    }

    @Test
    void everyKumarLawOfTheRegistryIsAFieldOfKumar2024() {
        Set<String> registry = new TreeSet<>(LawRegistry.names().stream().filter(n -> n.startsWith("kumar2024.")).toList());
        assertEquals(registry, new TreeSet<>(Builtins.KUMAR_LAWS.values()));
        StringBuilder script = new StringBuilder();
        for (String field : Builtins.KUMAR_LAWS.keySet()) {
            script.append("law_").append(field).append(" = kumar2024.").append(field).append('\n');
        }
        Session session = run(script.toString());
        Builtins.KUMAR_LAWS.forEach((field, name) -> assertEquals(name,
                assertInstanceOf(LawValue.class, session.lookup("law_" + field).orElseThrow()).name(), field));
    }

    @Test
    void aScriptEvaluatesTheWeightOnlyLawAtItsPublishedConstants() {
        Session session = run("x = predict kumar2024.weights at { N: 1e8, D: 2e9, P_w: 4 }\n"
                + "y = predict kumar2024.weights_no_offsets at { N: 1e8, D: 2e9, P_w: 4 }\n");
        Evaluation with = LawRegistry.get("kumar2024.weights").atPublished().evaluate(Map.of("N", 1e8, "D", 2e9, "P_w", 4.0));
        Evaluation without = LawRegistry.get("kumar2024.weights.no-offsets").atPublished()
                .evaluate(Map.of("N", 1e8, "D", 2e9, "P_w", 4.0));
        assertEquals(((Evaluation.Value) with).loss(), ((NumberValue) session.lookup("x").orElseThrow()).value(), 1e-12);
        assertEquals(((Evaluation.Value) without).loss(), ((NumberValue) session.lookup("y").orElseThrow()).value(), 1e-12);
        // The offset n_w matters at 4 bits: the two readings must not coincide.
        assertTrue(Math.abs(((Evaluation.Value) with).loss() - ((Evaluation.Value) without).loss()) > 1e-4);
    }

    @Test
    void aScriptRefitsTheWeightOnlyLawAndRecoversTheConstantsItsRowsCameFrom() throws IOException {
        Law law = LawRegistry.get("kumar2024.weights");
        Map<String, Double> truth = law.published();
        StringBuilder csv = new StringBuilder("N,D,P_w,loss\n");
        for (double n : new double[] {3e7, 1e8, 3e8, 1e9, 3e9}) {
            for (double d : new double[] {1e9, 4e9, 1.6e10, 6.4e10}) {
                for (double p : new double[] {3, 4, 5, 6, 8, 12, 16}) {
                    Evaluation e = law.at(truth).evaluate(Map.of("N", n, "D", d, "P_w", p));
                    csv.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g%n", n, d, p, ((Evaluation.Value) e).loss()));
                }
            }
        }
        Files.writeString(dir.resolve("runs.csv"), csv);
        Session session = run("runs = csv(\"runs.csv\")\nfitted = fit kumar2024.weights to runs with { start_grid: 2 }\n");
        FitResult fit = assertInstanceOf(FitResult.class, session.lookup("fitted").orElseThrow());
        assertEquals("kumar2024.weights", fit.law().name());
        truth.forEach((name, expected) -> assertEquals(expected, fit.law().values().get(name), 0.02 * Math.abs(expected),
                name + " in " + fit.law().values()));
    }
}
