package dev.prec.lang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
    private static final SourceFile SOURCE = new SourceFile("runs.prec",
            "data d = synthetic(vocab: 128)\nmodel m = small with { widht: 64 }\n\tx = y\n");

    @Test
    void showsPositionLineCaretUnderTheWholeSpanAndHint() {
        Diagnostic d = Diagnostic.error(new Span("runs.prec", 2, 24, 2, 29), "unknown-name", "unknown name 'widht'",
                "did you mean 'width'?");
        assertEquals("""
                runs.prec:2:24: error: unknown name 'widht'
                   2 | model m = small with { widht: 64 }
                     |                        ^~~~~
                hint: did you mean 'width'?
                """, DiagnosticRenderer.render(d, SOURCE));
    }

    @Test
    void keepsTabsSoTheCaretStaysAligned() {
        Diagnostic d = Diagnostic.error(new Span("runs.prec", 3, 6, 3, 7), "unknown-name", "unknown name 'y'", "");
        assertEquals("   3 | \tx = y\n     | \t    ^\n", DiagnosticRenderer.render(d, SOURCE).lines()
                .skip(1).map(l -> l + "\n").reduce("", String::concat));
    }

    @Test
    void aSpanOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLine() {
        Diagnostic d = Diagnostic.warning(new Span("runs.prec", 1, 10, 2, 3), "w", "odd", "");
        String[] lines = DiagnosticRenderer.render(d, SOURCE).split("\n");
        assertEquals("runs.prec:1:10: warning: odd", lines[0]);
        assertEquals("     |          ^~~~~~~~~~~~~~~~~~~~~", lines[2]);
    }

    @Test
    void aSpanInAnotherFileOrPastTheEndShowsOnlyTheMessage() {
        Diagnostic other = Diagnostic.error(new Span("lib.prec", 1, 1, 1, 2), "x", "elsewhere", "");
        Diagnostic past = Diagnostic.error(new Span("runs.prec", 40, 1, 40, 2), "x", "past", "");
        assertEquals("lib.prec:1:1: error: elsewhere\n", DiagnosticRenderer.render(other, SOURCE));
        assertEquals("runs.prec:40:1: error: past\n", DiagnosticRenderer.render(past, SOURCE));
    }

    @Test
    void aListEndsWithTheCounts() {
        Diagnostic e = Diagnostic.error(new Span("runs.prec", 1, 1, 1, 5), "x", "bad", "");
        Diagnostic w = Diagnostic.warning(new Span("runs.prec", 1, 1, 1, 5), "x", "odd", "");
        String text = DiagnosticRenderer.render(List.of(e, e, w), SOURCE);
        assertEquals("2 errors, 1 warning", text.lines().toList().getLast());
        assertEquals("", DiagnosticRenderer.render(List.of(), SOURCE));
    }
}
