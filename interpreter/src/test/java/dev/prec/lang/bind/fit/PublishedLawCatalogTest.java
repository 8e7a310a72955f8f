package dev.prec.lang.bind.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.law.Evaluation;
import dev.prec.law.LawRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedLawCatalogTest {

    @Test
    void theCatalogAndTheFitterAreInstalledThroughTheServiceLoader() {
        assertInstanceOf(PublishedLawCatalog.class, Engines.installed().laws().orElseThrow());
        assertInstanceOf(LawFitEngine.class, Engines.installed().fit().orElseThrow());
    }

    @Test
    void aScriptPredictsWithThePublishedConstantsOfThePaper() {
        List<String> printed = new ArrayList<>();
        Session session = Pipeline.session(printed::add, Path.of("."));
        DiagnosticSink sink = new DiagnosticSink();
        String text = "x = predict kumar2024.training at { N: 1e8, D: 2e9, P_w: 4, P_a: 8, P_kv: 8 }\n";
        new Pipeline(Engines.installed()).run(new SourceFile("t.prec", text), session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), new SourceFile("t.prec", text)));
        Evaluation expected = LawRegistry.get("kumar2024.training").atPublished()
                .evaluate(Map.of("N", 1e8, "D", 2e9, "P_w", 4.0, "P_a", 8.0, "P_kv", 8.0));
        assertEquals(((Evaluation.Value) expected).loss(), ((NumberValue) session.lookup("x").orElseThrow()).value(), 1e-12);
    }

    @Test
    void tiedChinchillaIsKumarsBaseLawAndUntiedIsHoffmanns() {
        PublishedLawCatalog c = new PublishedLawCatalog();
        LawValue tied = c.law("chinchilla", new RecordValue(Map.of("tie", BoolValue.TRUE))).orElseThrow();
        LawValue untied = c.law("chinchilla", RecordValue.EMPTY).orElseThrow();
        assertEquals("chinchilla.tied", tied.name());
        assertEquals(406.4, untied.values().get("A"));
        assertFalse(tied.params().stream().anyMatch(p -> p.name().equals("beta")));
        assertTrue(c.law("no.such.law", RecordValue.EMPTY).isEmpty());
    }

    @Test
    void aLawUsingFloorIsRefusedWithTheOperationsTheFitterTakes() {
        List<String> printed = new ArrayList<>();
        Session session = Pipeline.session(printed::add, Path.of("."));
        DiagnosticSink sink = new DiagnosticSink();
        String text = """
                law odd(N) {
                  params A > 0
                  loss = A * floor(N)^-0.3
                }
                """;
        new Pipeline(Engines.installed()).run(new SourceFile("t.prec", text), session, sink);
        LawValue odd = (LawValue) session.lookup("odd").orElseThrow();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LawCompiler.compile(odd));
        assertTrue(e.getMessage().contains("floor(N)") && e.getMessage().contains("exp, log"), e.getMessage());
    }
}
