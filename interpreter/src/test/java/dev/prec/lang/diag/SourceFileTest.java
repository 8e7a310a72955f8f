package dev.prec.lang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceFileTest {

    @Test
    void linesEndAtNewlineAndDropACarriageReturnBeforeIt() {
        SourceFile s = new SourceFile("f", "a\r\nb\n\nc");
        assertEquals(4, s.lineCount());
        assertEquals("a", s.line(1));
        assertEquals("b", s.line(2));
        assertEquals("", s.line(3));
        assertEquals("c", s.line(4));
        assertEquals("", s.line(5));
        assertEquals("", s.line(0));
    }

    @Test
    void aTrailingNewlineStartsAnEmptyLastLine() {
        assertEquals(2, new SourceFile("f", "x = 1\n").lineCount());
    }
}
