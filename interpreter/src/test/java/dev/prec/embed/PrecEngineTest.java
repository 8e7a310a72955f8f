package dev.prec.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.engine.TrainEngine;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.model.TransformerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API: values in and out as plain Java, errors as exceptions, progress, cancel. */
class PrecEngineTest {

    @Test
    void evalReturnsTheLastExpressionAsPlainJavaAndBindingsPersist() throws PrecException {
        PrecEngine prec = Prec.engine(Engines.none());
        assertEquals(null, prec.eval("x = 3"));
        assertEquals(6.0, prec.eval("x * 2"));
        assertEquals(3.0, prec.getNumber("x"));
    }

    @Test
    void hostVariablesAreVisibleToScripts() throws PrecException {
        PrecEngine prec = Prec.engine(Engines.none()).put("width", 96).put("name", "run-a");
        prec.eval("model m = transformer(layers: 2, width: width, heads: 4, context: 64)\nn = m.params\nlabel = name + \"!\"");
        assertEquals(TransformerConfig.olmo(2, 96, 4, 64, 2).nonEmbeddingParams(), prec.getNumber("n"));
        assertEquals("run-a!", prec.get("label"));
    }

    @Test
    void valuesComeOutAsListsMapsStringsAndBooleans() throws PrecException {
        PrecEngine prec = Prec.engine(Engines.none()).put("xs", List.of(1, 2, 3)).put("opts", Map.of("k", true));
        prec.eval("""
                total = sum(xs)
                flag = opts.k
                precision w4a8 = { weights: int(4) per_channel, activations: int(8) }
                sweep s = { lr: [1e-3, 2e-3], seed: [0] }
                """);
        assertEquals(6.0, prec.get("total"));
        assertEquals(true, prec.get("flag"));
        assertEquals(Map.of("weights", "int4 per_channel", "activations", "int8", "bits", 16.0), prec.get("w4a8"));
        assertEquals(List.of(Map.of("lr", 1e-3, "seed", 0.0), Map.of("lr", 2e-3, "seed", 0.0)), prec.get("s"));
    }

    @Test
    void aScriptErrorIsAnExceptionCarryingEveryDiagnosticRendered() {
        PrecEngine prec = Prec.engine(Engines.none());
        PrecException e = assertThrows(PrecException.class, () -> prec.eval("data lang = synthetic(vocab: 8)\nx = lnag\ny = int(4, 5)"));
        assertEquals(2, e.diagnostics().size());
        assertEquals(2, e.first().span().line());
        assertEquals(5, e.first().span().column());
        assertTrue(e.getMessage().contains("hint: did you mean 'lang'?"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> prec.get("x"));
    }

    @Test
    void evalOfAFileResolvesPathsAgainstItsDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runs.csv"), "N,D,loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n");
        Path script = dir.resolve("read.prec");
        Files.writeString(script, "runs = csv(\"runs.csv\")\nbest = runs where loss < 3\n");
        PrecEngine prec = Prec.engine(Engines.none());
        prec.eval(script);
        assertEquals(List.of(Map.of("N", 2e8, "D", 4e9, "loss", 2.9)), prec.get("best"));
    }

    @Test
    void cancelStopsTheRunningScriptBeforeItsNextStatement() {
        PrecEngine prec = Prec.engine(Engines.none());
        List<String> printed = new ArrayList<>();
        prec.onOutput(line -> {
            printed.add(line);
            prec.cancel();
        });
        PrecException e = assertThrows(PrecException.class, () -> prec.eval("print 1\nprint 2\n"));
        assertEquals(List.of("1"), printed);
        assertEquals("cancelled", e.first().code());
        assertEquals(2, e.first().span().line());
    }

    /**
     * A trainer stand-in that exercises the plumbing only: it receives the expanded sweep and the
     * options, reports one progress event per run and returns a table computed from its inputs
     * (N and D), so the test sees values travel both ways. The real trainer registers the same way.
     */
    private static final class CountingTrainer implements TrainEngine {
        @Override
        public RunTable train(Request request, ActionContext context) {
            List<RunTable.Run> rows = new ArrayList<>();
            int i = 0;
            for (RecordValue point : request.sweep().points()) {
                context.checkCancelled();
                ModelValue m = (ModelValue) point.get("model").orElseThrow();
                double d = ((NumberValue) point.get("tokens").orElseThrow()).value();
                rows.add(new RunTable.Run(point, new RecordValue(Map.of("nd", NumberValue.of(m.intField("width", 0) * d)))));
                context.report(new ProgressEvent("train", ++i, request.sweep().points().size(), "run " + i + " done"));
            }
            return new RunTable(rows);
        }
    }

    @Test
    void progressEventsOfAnEngineReachTheHost() throws PrecException {
        List<ProgressEvent> events = new ArrayList<>();
        PrecEngine prec = Prec.engine(Engines.none().withTrain(new CountingTrainer())).onProgress(events::add);
        prec.eval("""
                data lang = synthetic(vocab: 16)
                model m = transformer(layers: 1, width: 32, heads: 2, context: 8)
                runs = train { model: m with { width: [32, 64] }, tokens: [10, 20] } on lang
                total = sum(runs.nd)
                """);
        assertEquals(4, events.size());
        assertEquals(new ProgressEvent("train", 4, 4, "run 4 done"), events.getLast());
        assertEquals(32 * 10 + 32 * 20 + 64 * 10 + 64 * 20, prec.getNumber("total"));
    }

    @Test
    void cancellingDuringAnEngineStopsItAtItsNextCheck() {
        List<ProgressEvent> events = new ArrayList<>();
        PrecEngine prec = Prec.engine(Engines.none().withTrain(new CountingTrainer()));
        prec.onProgress(e -> {
            events.add(e);
            prec.cancel();
        });
        PrecException e = assertThrows(PrecException.class, () -> prec.eval("""
                data lang = synthetic(vocab: 16)
                model m = transformer(layers: 1, width: 32, heads: 2, context: 8)
                runs = train { model: m, tokens: [10, 20, 30] } on lang
                """));
        assertEquals(1, events.size());
        assertEquals("cancelled", e.first().code());
        assertEquals("train was cancelled", e.first().message());
        assertEquals(3, e.first().span().line());
    }
}
