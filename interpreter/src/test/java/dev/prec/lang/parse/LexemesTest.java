package dev.prec.lang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.parse.Lexemes.Kind;
import dev.prec.lang.parse.Lexemes.Lexeme;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexemesTest {

    private static List<String> described(String text) {
        return Lexemes.of(text).stream().map(l -> l.kind() + ":" + text.substring(l.start(), l.end())).toList();
    }

    @Test
    void classifiesEveryPieceOfAStatement() {
        assertEquals(List.of("NAME:runs", "OPERATOR:=", "KEYWORD:train", "NAME:g", "KEYWORD:on", "NAME:d",
                "KEYWORD:with", "OPERATOR:{", "NAME:lr", "OPERATOR::", "NUMBER:3e-3", "OPERATOR:}", "COMMENT:// go"),
                described("runs = train g on d with { lr: 3e-3 } // go"));
    }

    @Test
    void unfinishedAndWrongInputComesBackAsErrors() {
        assertEquals(List.of("NAME:x", "OPERATOR:=", "ERROR:#", "ERROR:\"open"), described("x = # \"open"));
    }

    @Test
    void offsetsCountCharsEvenAfterCharactersOutsideTheBasicPlane() {
        String text = "s = \"\uD83D\uDE00\" + tokens";
        List<Lexeme> lexemes = Lexemes.of(text);
        assertEquals(new Lexeme(Kind.STRING, 4, 8), lexemes.get(2));
        assertEquals("tokens", text.substring(lexemes.get(4).start(), lexemes.get(4).end()));
    }

    @Test
    void keywordsIncludeTheActionsAndUnitsButNoPunctuation() {
        List<String> keywords = Lexemes.keywords();
        assertTrue(keywords.containsAll(List.of("train", "fit", "where", "bitflops", "per_group", "law")));
        assertTrue(keywords.stream().allMatch(k -> Character.isLetter(k.charAt(0))));
    }
}
