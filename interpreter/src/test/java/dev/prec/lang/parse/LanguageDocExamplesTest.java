package dev.prec.lang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/language.md promises that every example on it parses; this holds it to that. */
class LanguageDocExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```prec\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyPrecBlockOfTheLanguageReferenceParsesWithoutDiagnostics() throws IOException {
        Path doc = Path.of("..", "docs", "language.md");
        Matcher m = BLOCK.matcher(Files.readString(doc));
        List<String> failures = new ArrayList<>();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            SourceFile source = new SourceFile("language.md block " + blocks, m.group(1));
            DiagnosticSink sink = new DiagnosticSink();
            Parser.parse(source, sink);
            if (!sink.all().isEmpty()) {
                failures.add(DiagnosticRenderer.render(sink.all(), source));
            }
        }
        assertTrue(blocks >= 8, "only " + blocks + " prec blocks found in " + doc.toAbsolutePath());
        assertEquals(List.of(), failures);
    }
}
