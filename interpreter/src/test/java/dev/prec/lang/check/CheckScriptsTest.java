package dev.prec.lang.check;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.ScriptTests;
import dev.prec.lang.engine.Engines;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The checker's language tests: every script in {@code lang/check} reports exactly the errors its comments expect. */
class CheckScriptsTest {

    @TestFactory
    Stream<DynamicTest> checkScriptsReportExactlyTheExpectedErrors() {
        return ScriptTests.inResources("lang/check", source -> {
            DiagnosticSink sink = new DiagnosticSink();
            new Pipeline(Engines.none()).check(source, Pipeline.session(line -> { }, Path.of(".")), sink);
            return ScriptTests.Outcome.diagnostics(sink.all());
        });
    }
}
