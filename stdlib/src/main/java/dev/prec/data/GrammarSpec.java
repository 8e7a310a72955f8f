package dev.prec.data;

/**
 * Parameters of a seeded random probabilistic grammar ({@link Grammar}, {@link GrammarSource}),
 * as a script declares them: {@code grammar(vocab: 64, nonterminals: 16, rules: 16, zipf: 1.0,
 * recursion: 0.9, seed: 7)}. Immutable; validated on construction.
 *
 * <p>Token 0 separates sentences; tokens 1..vocab-1 occur inside sentences. Every nonterminal
 * has {@code rules} rules, each starting with its own distinct terminal (which is what makes the
 * grammar unambiguous and its entropy exact), with Zipf weights {@code (r + 1)^-zipf} over the
 * rules in seeded order. {@code recursion} bounds the expected number of nonterminals one
 * expansion creates; near 1 it gives long, deeply nested sentences (mean length grows like
 * {@code 1 / (1 - recursion)}), near 0 short flat ones.
 *
 * @param vocab number of distinct tokens including the separator, {@code 3 <= vocab <= 65536}
 * @param nonterminals number of nonterminal symbols, {@code 1 <= nonterminals <= 1024}
 * @param rules rules per nonterminal, {@code 1 <= rules <= vocab - 1}
 * @param zipf Zipf exponent of the rule probabilities, finite, {@code 0 <= zipf <= 16}
 * @param recursion bound on the expected nonterminals per expansion, {@code 0 <= recursion <= 0.95}
 * @param seed seed of the grammar and of its sentences, any value
 */
public record GrammarSpec(int vocab, int nonterminals, int rules, double zipf, double recursion,
        long seed) {

    /**
     * A grammar over 64 tokens with 16 nonterminals of 16 rules each and deep nesting: about
     * 1.0 nat per token, sentences of about 15 tokens.
     */
    public static final GrammarSpec DEFAULT = new GrammarSpec(64, 16, 16, 1.0, 0.9, 1);

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if any parameter is outside its documented range
     */
    public GrammarSpec {
        if (vocab < 3 || vocab > 65536) {
            throw new IllegalArgumentException(
                    "grammar source: vocab must be between 3 and 65536, got " + vocab);
        }
        if (nonterminals < 1 || nonterminals > 1024) {
            throw new IllegalArgumentException(
                    "grammar source: nonterminals must be between 1 and 1024, got " + nonterminals);
        }
        if (rules < 1 || rules > vocab - 1) {
            throw new IllegalArgumentException("grammar source: rules must be between 1 and"
                    + " vocab - 1 = " + (vocab - 1) + " (each rule of a nonterminal starts with its"
                    + " own token), got " + rules);
        }
        if (!(zipf >= 0 && zipf <= 16)) {
            throw new IllegalArgumentException(
                    "grammar source: zipf exponent must be between 0 and 16, got " + zipf);
        }
        if (!(recursion >= 0 && recursion <= 0.95)) {
            throw new IllegalArgumentException("grammar source: recursion must be between 0 and"
                    + " 0.95 (at 1 sentences would be infinitely long on average), got " + recursion);
        }
    }

    /** This spec with another vocabulary size. */
    public GrammarSpec withVocab(int newVocab) {
        return new GrammarSpec(newVocab, nonterminals, rules, zipf, recursion, seed);
    }

    /** This spec with another number of nonterminals. */
    public GrammarSpec withNonterminals(int newNonterminals) {
        return new GrammarSpec(vocab, newNonterminals, rules, zipf, recursion, seed);
    }

    /** This spec with another number of rules per nonterminal. */
    public GrammarSpec withRules(int newRules) {
        return new GrammarSpec(vocab, nonterminals, newRules, zipf, recursion, seed);
    }

    /** This spec with another Zipf exponent. */
    public GrammarSpec withZipf(double newZipf) {
        return new GrammarSpec(vocab, nonterminals, rules, newZipf, recursion, seed);
    }

    /** This spec with another bound on expected nonterminals per expansion. */
    public GrammarSpec withRecursion(double newRecursion) {
        return new GrammarSpec(vocab, nonterminals, rules, zipf, newRecursion, seed);
    }

    /** This spec with another seed. */
    public GrammarSpec withSeed(long newSeed) {
        return new GrammarSpec(vocab, nonterminals, rules, zipf, recursion, newSeed);
    }
}
