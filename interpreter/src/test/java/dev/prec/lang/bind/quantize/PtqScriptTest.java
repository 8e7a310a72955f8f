package dev.prec.lang.bind.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RunTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/ptq.prec end to end: train with the installed trainer, quantize with the installed PTQ engine. */
class PtqScriptTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private static double number(RunTable.Run r, String name) {
        return ((NumberValue) r.fields().get(name).orElseThrow()).value();
    }

    @Test
    void theExampleQuantizesEveryTrainedRunToEveryFormatAndGptqLosesLessThanRoundToNearestAtThreeBits(@TempDir Path dir)
            throws Exception {
        String text = Files.readString(EXAMPLES.resolve("ptq.prec"));
        List<String> printed = new ArrayList<>();
        Session session = new Session(printed::add, new ActionContext(e -> { }, new AtomicBoolean()), dir);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(new SourceFile("ptq.prec", text), session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), new SourceFile("ptq.prec", text)));
        RunTable runs = assertInstanceOf(RunTable.class, session.lookup("runs").orElseThrow());
        RunTable gptq = assertInstanceOf(RunTable.class, session.lookup("gptq_post").orElseThrow());
        RunTable rtn = assertInstanceOf(RunTable.class, session.lookup("rtn_post").orElseThrow());
        assertEquals(4, gptq.rows().size());
        for (int i = 0; i < 4; i++) {
            RunTable.Run g = gptq.rows().get(i);
            RunTable.Run parent = runs.rows().get(i / 2);
            assertEquals(number(parent, "loss"), number(g, "loss_before"), 1e-6, "loss before is the run's loss");
            assertEquals(number(parent, "D"), number(g, "D"));
            assertEquals(3.0 + i % 2, number(g, "post_bits"));
            if (i % 2 == 0) {
                assertTrue(number(g, "loss") < number(rtn.rows().get(i), "loss"), "3 bits, run " + i / 2);
            }
        }
        // The larger run (200K tokens) loses more at 3 bits than the smaller one (50K).
        assertTrue(number(gptq.rows().get(2), "delta") > number(gptq.rows().get(0), "delta"));
    }

    /** Trains two runs, quantizes them to 3 and 4 bits and fits the PTQ law to the result. */
    private static final String FIT_SCRIPT = """
            data lang = synthetic(vocab: 32, order: 2, zipf: 1.5, branching: 8, seed: 1)
            model tiny = transformer(layers: 2, width: 64, heads: 4, context: 32)
            sweep grid = {
              model: tiny
              tokens: [50K, 200K]
              seed: [0]
            }
            runs = train grid on lang with { lr: 1e-2, batch: 16 }
            post = quantize runs to [int(2), int(3), int(4)] using gptq(group: 16, calibration: 8)
            law ptq = fit kumar2024.ptq to post with { fixed: { gamma_N: 0.3439, gamma_D: 0.5068, b: 1.1277 } }
            """;

    private static Session run(Path dir, List<String> events) {
        Session session = new Session(s -> { }, new ActionContext(e -> events.add(e.message()), new AtomicBoolean()), dir);
        DiagnosticSink sink = new DiagnosticSink();
        new Pipeline(Engines.installed()).run(new SourceFile("fit.prec", FIT_SCRIPT), session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), new SourceFile("fit.prec", FIT_SCRIPT))
                + session.lookup("post").map(dev.prec.lang.value.Value::show).orElse(""));
        return session;
    }

    @Test
    void aRerunReusesTheStoredResultsAndTheTableFeedsThePtqLawsFitOnDelta(@TempDir Path dir) throws Exception {
        List<String> first = new ArrayList<>();
        RunTable post = assertInstanceOf(RunTable.class, run(dir, first).lookup("post").orElseThrow());
        assertTrue(first.stream().anyMatch(m -> m.contains(": blocks.0.attn.qkv.weight")), "quantized layer by layer");
        assertEquals(6, post.rows().size());
        for (RunTable.Run r : post.rows()) {
            assertEquals(number(r, "post_bits"), number(r, "P_post"));
            assertEquals(number(r, "loss") - number(r, "loss_before"), number(r, "delta"), 1e-12);
            assertEquals(8.0, number(r, "calibration"));
            assertEquals(8, ((dev.prec.lang.value.ListValue) r.fields().get("rel_errors").orElseThrow()).elements().size());
            assertTrue(number(r, "damp") >= 0.01, "the dampening used is at least the requested one");
        }
        Path quantized = Path.of(((dev.prec.lang.value.StringValue) post.rows().getFirst().fields().get("checkpoint")
                .orElseThrow()).value());
        var written = Files.getLastModifiedTime(quantized);

        List<String> second = new ArrayList<>();
        Session again = run(dir, second);
        RunTable reused = assertInstanceOf(RunTable.class, again.lookup("post").orElseThrow());
        assertTrue(second.stream().noneMatch(m -> m.contains(": blocks.")), "no layer was quantized again: " + second);
        assertEquals(post, reused, "the stored rows, bit for bit");
        assertEquals(written, Files.getLastModifiedTime(quantized));
        var fit = assertInstanceOf(dev.prec.lang.value.FitResult.class, again.lookup("ptq").orElseThrow());
        double points = ((NumberValue) fit.statistics().get("points").orElseThrow()).value();
        assertTrue(points >= 3, "the fit used the delta column of the quantized runs: " + fit.statistics());
    }
}
