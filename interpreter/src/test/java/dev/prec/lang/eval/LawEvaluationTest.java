package dev.prec.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A law written in the language computes what the same formula computes in Java. */
class LawEvaluationTest {
    private static final String LAW = """
            law mine(N, D, Pw) {
              params A > 0, B > 0, E > 0, alpha in [0, 2], beta in [0, 2], gw > 0, nw in [-2, 4]
              Neff = N * (1 - exp(-Pw / gw + nw))
              loss = A * Neff^-alpha + B * D^-beta + E
            }
            """;

    private final Pipeline pipeline = new Pipeline(Engines.none());
    private final Session session = Pipeline.session(l -> { }, Path.of("."));

    private Value run(String script) {
        DiagnosticSink sink = new DiagnosticSink();
        return pipeline.run(new SourceFile("law.prec", script), session, sink)
                .orElseThrow(() -> new AssertionError(sink.all()));
    }

    @Test
    void aFittedUserLawPredictsTheSameLossAsItsFormulaInJava() {
        run(LAW);
        LawValue law = (LawValue) session.lookup("mine").orElseThrow();
        Map<String, Double> p = new LinkedHashMap<>();
        // The paper's published constants (SCIENCE.md, Table 2 of Kumar et al.).
        p.put("A", 4.299e3);
        p.put("B", 1.806e4);
        p.put("E", 2.7648);
        p.put("alpha", 0.4965);
        p.put("beta", 0.4965);
        p.put("gw", 2.6745);
        p.put("nw", 0.3037);
        session.define("fitted", law.withValues(p));
        double n = 1e8;
        double d = 2e9;
        double pw = 6;
        double expected = 4.299e3 * Math.pow(n * (1 - Math.exp(-pw / 2.6745 + 0.3037)), -0.4965)
                + 1.806e4 * Math.pow(d, -0.4965) + 2.7648;
        assertEquals(expected, ((NumberValue) run("predict fitted at { N: 1e8, D: 2e9, Pw: 6 }")).value(), 1e-12 * expected);
        assertEquals(expected, ((NumberValue) run("fitted(N: 100M, D: 2B, Pw: 6)")).value(), 1e-12 * expected);
        assertEquals(expected, ((NumberValue) run("fitted(1e8, 2e9, 6)")).value(), 1e-12 * expected);
    }

    @Test
    void aScriptLawKeepsItsDeclarationForEnginesThatCompileLaws() {
        run(LAW);
        LawValue law = (LawValue) session.lookup("mine").orElseThrow();
        assertEquals("mine", law.form().declaration().orElseThrow().name().text());
        assertEquals(1, law.form().declaration().orElseThrow().bindings().size());
    }

    @Test
    void lawBoundsBecomeParameterIntervals() {
        run(LAW);
        LawValue law = (LawValue) session.lookup("mine").orElseThrow();
        assertEquals(new LawValue.Param("alpha", 0, 2), law.params().get(3));
        assertEquals(new LawValue.Param("A", 0, Double.POSITIVE_INFINITY), law.params().get(0));
        assertEquals(new LawValue.Param("nw", -2, 4), law.params().get(6));
    }

    @Test
    void aPointOutsideTheLawsDomainIsAnErrorNotNaN() {
        run(LAW);
        LawValue law = (LawValue) session.lookup("mine").orElseThrow();
        session.define("fitted", law.withValues(Map.of("A", 1.0, "B", 1.0, "E", 1.0, "alpha", 0.5, "beta", 0.5,
                "gw", 1.0, "nw", 3.0)));
        DiagnosticSink sink = new DiagnosticSink();
        // Pw = 1 < nw * gw: Neff is negative, so Neff^-alpha is NaN.
        pipeline.run(new SourceFile("law.prec", "x = fitted(N: 1e8, D: 1e9, Pw: 1)"), session, sink);
        assertEquals(1, sink.errorCount());
        assertTrue(sink.all().getFirst().message().contains("outside its domain"), sink.all().toString());
    }
}
