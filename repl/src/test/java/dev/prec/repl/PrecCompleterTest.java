package dev.prec.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecCompleterTest {

    static ReplSession session(Path dir) {
        return new ReplSession(Pipeline.withInstalledEngines(), dir, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    static List<String> values(PrecCompleter c, String before) {
        return c.candidates(before).stream().map(Candidate::value).toList();
    }

    @Test
    void namedArgumentsOfTheCallBeingTypedAreOfferedExceptThoseAlreadyGiven(@TempDir Path dir) {
        PrecCompleter c = new PrecCompleter(session(dir));
        List<String> v = values(c, "model m = transformer(layers: 2, wi");
        assertTrue(v.contains("width: "), v.toString());
        assertTrue(v.contains("heads: "), v.toString());
        assertFalse(v.contains("layers: "), v.toString());
    }

    @Test
    void sessionNamesBuiltinsKeywordsAndFormatsAreOffered(@TempDir Path dir) {
        ReplSession s = session(dir);
        assertTrue(s.eval("budget_total = 3"));
        List<String> v = values(new PrecCompleter(s), "x = ");
        assertTrue(v.contains("budget_total"), v.toString());
        assertTrue(v.contains("transformer("), v.toString());
        assertTrue(v.contains("model"), v.toString());
        assertTrue(v.contains("bf16"), v.toString());
    }

    @Test
    void fieldsOfARecordAreOfferedAfterItsNameAndADot(@TempDir Path dir) {
        ReplSession s = session(dir);
        assertTrue(s.eval("opts = { alpha_rate: 1, beta_rate: 2 }"));
        assertEquals(List.of("alpha_rate", "beta_rate"), values(new PrecCompleter(s), "print opts.al"));
    }

    @Test
    void pathsAreOfferedInsideAnOpenString(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/corpus.txt"), "x");
        PrecCompleter c = new PrecCompleter(session(dir));
        assertEquals(List.of("data/"), values(c, "export t to \""));
        assertEquals(List.of("data/corpus.txt"), values(c, "export t to \"data/co"));
    }

    @Test
    void commandsAreOfferedAfterAColonAtTheStart(@TempDir Path dir) {
        assertTrue(values(new PrecCompleter(session(dir)), ":lo").contains(":load"));
    }

    @Test
    void theCallSiteIsTheInnermostOpenCall() {
        assertEquals("cosine", CallSite.at("f = transformer(layers: cosine(warmup: 1, ").orElseThrow().function());
        assertEquals(List.of("layers", "width"), CallSite.at("transformer(layers: 2, width: [1, 2], ").orElseThrow().givenNames());
        assertTrue(CallSite.at("transformer(layers: 2) + ").isEmpty());
        assertTrue(TerminalRepl.signatureTip("m = transformer(").orElseThrow().startsWith("transformer(layers: number"));
    }

    @Test
    void highlightingColoursKeywordsBuiltinsNumbersAndStrings() {
        AttributedString s = new PrecHighlighter().highlight("model m = transformer(layers: 2) // \"x\"");
        assertEquals(PrecHighlighter.KEYWORD, s.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT, s.styleAt(6));
        assertEquals(PrecHighlighter.BUILTIN, s.styleAt(10));
        assertEquals(PrecHighlighter.NUMBER, s.styleAt(30));
        assertEquals(PrecHighlighter.COMMENT, s.styleAt(33));
        assertEquals(PrecHighlighter.STRING, new PrecHighlighter().highlight("p = \"a\"").styleAt(5));
        assertEquals(PrecHighlighter.ERROR, new PrecHighlighter().highlight("p = \"ab").styleAt(5));
    }

    @Test
    void enterOnAnOpenBracketAsksForAContinuationLine() {
        InputParser p = new InputParser();
        org.junit.jupiter.api.Assertions.assertThrows(org.jline.reader.EOFError.class,
                () -> p.parse("x = [1,", 7, org.jline.reader.Parser.ParseContext.ACCEPT_LINE));
        assertEquals("x = [1, 2]", p.parse("x = [1, 2]", 10, org.jline.reader.Parser.ParseContext.ACCEPT_LINE).line());
    }
}
