package dev.prec.lang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    /** Plain Levenshtein plus adjacent swaps, by exhaustive recursion: the oracle for small strings. */
    private static int slowDistance(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.length() + b.length();
        }
        int best = Math.min(slowDistance(a.substring(1), b) + 1, slowDistance(a, b.substring(1)) + 1);
        best = Math.min(best, slowDistance(a.substring(1), b.substring(1)) + (a.charAt(0) == b.charAt(0) ? 0 : 1));
        if (a.length() > 1 && b.length() > 1 && a.charAt(0) == b.charAt(1) && a.charAt(1) == b.charAt(0)) {
            best = Math.min(best, slowDistance(a.substring(2), b.substring(2)) + 1);
        }
        return best;
    }

    @Test
    void distanceMatchesTheRecursiveDefinitionOnAllShortStringsOverTwoLetters() {
        List<String> words = new java.util.ArrayList<>(List.of(""));
        for (int len = 1; len <= 4; len++) {
            for (int bits = 0; bits < 1 << len; bits++) {
                StringBuilder w = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    w.append((bits >> i & 1) == 0 ? 'a' : 'b');
                }
                words.add(w.toString());
            }
        }
        for (String a : words) {
            for (String b : words) {
                assertEquals(slowDistance(a, b), Suggestions.distance(a, b), a + " vs " + b);
            }
        }
    }

    @Test
    void aSwapOfAdjacentLettersCostsOneButASwappedPairIsNotEditedAgain() {
        assertEquals(1, Suggestions.distance("widht", "width"));
        // unrestricted Damerau-Levenshtein gives 2 (swap, then insert between); the OSA variant gives 3
        assertEquals(3, Suggestions.distance("ca", "abc"));
    }

    @Test
    void suggestsTheClosestCandidateWithinTheThreshold() {
        List<String> fields = List.of("width", "heads", "layers", "context");
        assertEquals(Optional.of("width"), Suggestions.closest("widht", fields));
        assertEquals(Optional.of("layers"), Suggestions.closest("layer", fields));
        assertEquals("did you mean 'context'?", Suggestions.hint("contxet", fields));
    }

    @Test
    void suggestsNothingForUnrelatedOrTooShortWords() {
        assertEquals(Optional.empty(), Suggestions.closest("banana", List.of("width", "heads")));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of("y", "z")));
        assertEquals("", Suggestions.hint("lr", List.of("seed")));
    }

    @Test
    void letterCaseAloneIsAlwaysSuggested() {
        assertEquals(Optional.of("Pw"), Suggestions.closest("pw", List.of("N", "D", "Pw")));
    }

    @Test
    void theWordItselfIsNotASuggestion() {
        assertEquals(Optional.empty(), Suggestions.closest("width", List.of("width")));
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertEquals(Optional.of("bat"), Suggestions.closest("cat", List.of("bat", "hat")));
    }
}
