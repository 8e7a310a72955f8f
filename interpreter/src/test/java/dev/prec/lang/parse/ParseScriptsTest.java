package dev.prec.lang.parse;

import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.ScriptTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every script under {@code lang/parse/} parses with exactly the diagnostics its comments expect. */
class ParseScriptsTest {

    @TestFactory
    Stream<DynamicTest> scriptsReportExactlyTheExpectedSyntaxErrors() {
        return ScriptTests.inResources("lang/parse", source -> {
            DiagnosticSink sink = new DiagnosticSink();
            Parser.parse(source, sink);
            return ScriptTests.Outcome.diagnostics(sink.all());
        });
    }
}
