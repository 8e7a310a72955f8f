package dev.prec.lang.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?": the known word closest to a misspelt one by Damerau-Levenshtein distance (the
 * optimal-string-alignment variant: insertions, deletions, substitutions and swaps of adjacent
 * characters each cost 1), within a threshold that grows with the word's length.
 *
 * <p>Threshold: a candidate is offered when its distance is at most 1 for words of up to 4 characters,
 * 2 up to 8 characters, and 3 beyond, and strictly less than the length of the shorter word (so that
 * "x" never suggests "y"). A candidate differing only in letter case is always offered. Among equally
 * close candidates the first in iteration order wins, so pass an ordered collection for stable output.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, if any is close enough.
     *
     * @param word the misspelt word, as written
     * @param candidates the words that would have been valid here; {@code word} itself is skipped
     * @return the best candidate, or empty when none is within the threshold
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(word)) {
                continue;
            }
            int d = candidate.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT)) ? 0 : distance(word, candidate);
            if (d < bestDistance && d <= threshold(word, candidate)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The hint text for {@code word}: {@code "did you mean 'width'?"}, or "" when nothing is close.
     *
     * @param word the misspelt word
     * @param candidates the valid words
     */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
    }

    /**
     * The optimal-string-alignment distance between {@code a} and {@code b}: the fewest insertions,
     * deletions, substitutions and adjacent transpositions turning one into the other, no substring
     * edited twice. Case-sensitive; compares UTF-16 chars.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    private static int threshold(String word, String candidate) {
        int byLength = word.length() <= 4 ? 1 : word.length() <= 8 ? 2 : 3;
        return Math.min(byLength, Math.min(word.length(), candidate.length()) - 1);
    }
}
