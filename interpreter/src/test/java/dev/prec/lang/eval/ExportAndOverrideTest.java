package dev.prec.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.value.NumberValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export writes what a reader of CSV and JSON expects; --set replaces a script's binding. */
class ExportAndOverrideTest {
    private final Pipeline pipeline = new Pipeline(Engines.none());

    @Test
    void exportWritesASweepAsCsvWithOneRowPerRunAndAValueAsJson(@TempDir Path dir) throws Exception {
        String script = """
                sweep s = { lr: [1e-3, 2e-3], seed: [0, 1, 2] }
                export s to "points.csv"
                export { name: "a,b", xs: [1, 2.5], ok: true } to "out/value.json"
                """;
        DiagnosticSink sink = new DiagnosticSink();
        pipeline.run(new SourceFile("e.prec", script), Pipeline.session(l -> { }, dir), sink);
        assertTrue(sink.all().isEmpty(), sink.all().toString());
        List<String> csv = Files.readAllLines(dir.resolve("points.csv"));
        assertEquals(List.of("lr,seed", "0.001,0", "0.001,1", "0.001,2", "0.002,0", "0.002,1", "0.002,2"), csv);
        assertEquals("{\"name\":\"a,b\",\"xs\":[1,2.5],\"ok\":true}", Files.readString(dir.resolve("out/value.json")).strip());
    }

    @Test
    void anOverrideReplacesTheScriptsOwnBindingAndFlowsIntoLaterStatements() {
        List<String> out = new ArrayList<>();
        Session session = Pipeline.session(out::add, Path.of("."));
        session.override("width", NumberValue.of(128));
        DiagnosticSink sink = new DiagnosticSink();
        pipeline.run(new SourceFile("o.prec", "width = 64\nprint width * 2\n"), session, sink);
        assertTrue(sink.all().isEmpty(), sink.all().toString());
        assertEquals(List.of("256"), out);
    }

    @Test
    void anOverrideOfTheWrongTypeOrOfANameTheScriptLacksIsAnError() {
        Session session = Pipeline.session(l -> { }, Path.of("."));
        session.override("lang", NumberValue.of(3));
        session.override("widht", NumberValue.of(3));
        DiagnosticSink sink = new DiagnosticSink();
        pipeline.check(new SourceFile("o.prec", "data lang = synthetic(vocab: 8)\nwidth = 64\n"), session, sink);
        assertEquals(2, sink.errorCount(), sink.all().toString());
        assertTrue(sink.all().get(0).message().contains("--set for 'lang'") || sink.all().get(0).message().contains("'lang'"),
                sink.all().toString());
        assertEquals("did you mean 'width'?", sink.all().get(1).hint());
    }

    @Test
    void aValueGivenAsTextEvaluatesWithoutAScript() {
        DiagnosticSink sink = new DiagnosticSink();
        assertEquals("int4 per_channel", pipeline.value("int(4) per_channel", "--set w", sink).orElseThrow().show());
        assertTrue(pipeline.value("x = 3", "--set w", sink).isEmpty());
        assertEquals(1, sink.errorCount());
    }
}
