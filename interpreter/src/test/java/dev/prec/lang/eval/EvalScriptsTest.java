package dev.prec.lang.eval;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.ScriptTests;
import dev.prec.lang.engine.Engines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The evaluator's language tests: every script in {@code lang/eval} prints exactly its
 * {@code // expect:} lines and stops with exactly its expected runtime error, if any.
 */
class EvalScriptsTest {

    @TestFactory
    Stream<DynamicTest> evalScriptsPrintWhatTheyExpect() {
        return ScriptTests.inResources("lang/eval", source -> {
            Pipeline pipeline = new Pipeline(Engines.none());
            List<String> printed = new ArrayList<>();
            Session session = Pipeline.session(printed::add, Path.of("."));
            DiagnosticSink checkSink = new DiagnosticSink();
            if (pipeline.check(source, session, checkSink).isEmpty()) {
                return new ScriptTests.Outcome(checkSink.all(), Optional.of(printed), Optional.empty());
            }
            DiagnosticSink runSink = new DiagnosticSink();
            pipeline.run(source, session, runSink);
            Optional<Diagnostic> runtime = runSink.all().stream().findFirst();
            return new ScriptTests.Outcome(List.of(), Optional.of(printed), runtime);
        });
    }
}
