package dev.prec.lang.check;

import dev.prec.lang.diag.Suggestions;
import java.util.Collection;

/** The "did you mean" hints of the checker's messages. */
final class Hints {
    private Hints() {
    }

    /** "did you mean 'width'?" for the candidate closest to {@code word}, or "" when none is close. */
    static String didYouMean(String word, Collection<String> candidates) {
        return Suggestions.hint(word, new java.util.LinkedHashSet<>(candidates));
    }
}
