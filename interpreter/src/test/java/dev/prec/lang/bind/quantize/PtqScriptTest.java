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
}
