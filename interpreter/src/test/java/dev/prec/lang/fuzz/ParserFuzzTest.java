package dev.prec.lang.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.ast.Program;
import dev.prec.lang.ast.SourcePrinter;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.parse.Lexemes;
import dev.prec.lang.parse.Parser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No input makes the parser throw or hang, every diagnostic points into the file and renders,
 * parsing is a pure function of the text, and every script that parses prints back to text that
 * parses to the same tree. Seed and count can be changed with {@code -Dprec.fuzz.seed}
 * and {@code -Dprec.fuzz.count} for longer hunts.
 */
class ParserFuzzTest {
    private static final long SEED = Long.getLong("prec.fuzz.seed", 20241104L);
    private static final int COUNT = Integer.getInteger("prec.fuzz.count", 10_000);

    /** A tree's structure without positions. */
    private static String shape(Object node) {
        return node.toString().replaceAll("(operatorSpan|span)=[^,\\]]*", "");
    }

    @Test
    void tenThousandHostileScriptsParseWithoutExceptionOrHangAndReportOnlyRealPositions() {
        assertFalse(ScriptFuzzer.defaultCorpus().isEmpty(), "the corpus of example scripts is empty");
        int[] withErrors = {0};
        Duration took = FuzzRun.of(SEED, COUNT, Duration.ofSeconds(5)).run(source -> {
            DiagnosticSink sink = new DiagnosticSink();
            Program program = Parser.parse(source, sink);
            assertNotNull(program);
            for (Diagnostic d : sink.all()) {
                assertTrue(d.span().line() <= source.lineCount(), () -> "span past the end: " + d);
                assertFalse(d.message().contains("mismatched input") || d.message().contains("viable")
                        || d.message().contains("extraneous"), () -> "raw ANTLR message: " + d.message());
            }
            assertNotNull(DiagnosticRenderer.render(sink.all(), source));
            // what a REPL calls on every keystroke must survive the same input
            Lexemes.of(source.text());
            Parser.isIncomplete(source.text());
            if (sink.hasErrors()) {
                withErrors[0]++;
            } else {
                String printed = SourcePrinter.print(program);
                DiagnosticSink reparse = new DiagnosticSink();
                Program again = Parser.parse(new SourceFile(source.name(), printed), reparse);
                assertEquals(List.of(), reparse.all(), () -> "the printed script does not parse:\n" + printed);
                assertEquals(shape(program.statements()), shape(again.statements()), () -> "printed as:\n" + printed);
            }
            if (source.name().hashCode() % 10 == 0) {
                DiagnosticSink again = new DiagnosticSink();
                assertEquals(program, Parser.parse(new SourceFile(source.name(), source.text()), again));
                assertEquals(sink.all(), again.all());
            }
        });
        assertTrue(took.toSeconds() < 60, "fuzzing took " + took);
        // a fuzzer whose scripts were all well-formed would prove nothing about error paths
        assertTrue(withErrors[0] > COUNT / 2, "only " + withErrors[0] + " scripts had errors");
    }

    @Test
    void nestingFarBeyondTheLimitIsOneDiagnosticNotACrash() {
        for (String deep : List.of("x = " + "(".repeat(100_000), "x = " + "-".repeat(100_000) + "1",
                "x = " + "[".repeat(5000) + "]".repeat(5000), "x = " + "a ^ ".repeat(20_000) + "2")) {
            DiagnosticSink sink = new DiagnosticSink();
            Parser.parse(new SourceFile("deep.prec", deep + "\ny = 1\n"), sink);
            assertEquals(1, sink.errorCount(), () -> sink.all().toString());
        }
    }
}
