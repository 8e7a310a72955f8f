package dev.prec.data;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A seeded random probabilistic context-free grammar in Greibach-like form, its exact sentence
 * entropy and its exact entropy rate as a stream of sentences. Immutable.
 *
 * <p><b>Symbols.</b> A symbol {@code >= 0} is a terminal (a token); a symbol {@code < 0} is the
 * nonterminal {@code -1 - symbol}. Nonterminal 0 is the start symbol. The token
 * {@link #SEPARATOR} never occurs inside a sentence; the stream is
 * {@code sentence SEPARATOR sentence SEPARATOR ...}.
 *
 * <p><b>Construction.</b> Nonterminal {@code A} has {@code rules} rules {@code A -> t u_1 .. u_m}:
 * distinct leading terminals {@code t} (a seeded draw from 1..vocab-1), a tail of {@code m}
 * uniform in {@code 0..MAX_TAIL} symbols, each a uniformly drawn nonterminal with probability
 * {@link #NONTERMINAL_CHANCE}, else a uniformly drawn terminal. Rule {@code r} has probability
 * {@code (r + 1)^-zipf / Z}. Recursion gives nesting, hence dependencies across many tokens. So
 * that every derivation ends, the expected number of nonterminals one expansion of {@code A}
 * creates is pushed below the spec's {@code recursion} by turning tail nonterminals into seeded
 * terminals (least probable rule first, so the count lands just under the bound; last symbol
 * first); the mean matrix then has spectral radius below 1 and sentences have finite expected
 * length.
 *
 * <p><b>Entropy, exact.</b> Since the rules of a nonterminal start with distinct terminals, a
 * sentence determines its leftmost derivation token by token (the grammar is LL(1)), so the
 * sentence entropy equals the derivation entropy, which solves the linear system
 * {@code h = c + M h} with {@code c_A} the entropy of A's rule choice and {@code M_AB} the expected
 * count of B in one expansion of A (Soule, "Entropies of probabilistic grammars", Information and
 * Control 25, 1974; the mean matrix as in Chi, "Statistical properties of probabilistic
 * context-free grammars", Computational Linguistics 25(1), 1999). The expected sentence length solves
 * {@code l = e + M l} with {@code e_A} the expected terminals per expansion. Sentences are
 * independent and self-delimiting, so the entropy rate of the stream is
 * {@code h_0 / (l_0 + 1)} nats per token, the +1 for the separator (renewal-reward theorem).
 */
public final class Grammar {

    /** The token that ends every sentence. */
    public static final int SEPARATOR = 0;
    /** Largest number of symbols after a rule's leading terminal. */
    public static final int MAX_TAIL = 4;
    /** Chance that a tail symbol is drawn as a nonterminal. */
    public static final double NONTERMINAL_CHANCE = 0.7;

    /**
     * One rule {@code A -> lead tail...}.
     *
     * @param lead the leading terminal, in [1, vocab)
     * @param tail the following symbols (see the class comment for the encoding); copied
     * @param probability the rule's probability given its nonterminal, in (0, 1]
     */
    public record Rule(int lead, int[] tail, double probability) {
        /** Copies the tail. */
        public Rule {
            tail = tail.clone();
        }

        /** A copy of the tail symbols. */
        @Override
        public int[] tail() {
            return tail.clone();
        }
    }

    /** Parameters the grammar was built from. */
    private final GrammarSpec spec;
    /** Leading terminal of rule r of nonterminal A, {@code [A][r]}. */
    private final int[][] leads;
    /** Tail of rule r of nonterminal A, {@code [A][r]}. */
    private final int[][][] tails;
    /** Probability of rule r of nonterminal A, {@code [A][r]}. */
    private final double[][] probabilities;
    /** Cumulative rule probabilities, last entry exactly 1. */
    private final double[][] cumulative;
    /** Derivation entropy of each nonterminal, nats. */
    private final double[] derivationEntropy;
    /** Expected terminals derived from each nonterminal. */
    private final double[] expectedLength;

    /**
     * Draws the grammar from the spec's seed and solves for its entropy and mean length.
     *
     * @param spec the grammar's parameters, validated by their record
     */
    public Grammar(GrammarSpec spec) {
        this.spec = spec;
        int n = spec.nonterminals();
        int r = spec.rules();
        leads = new int[n][r];
        tails = new int[n][r][];
        probabilities = new double[n][r];
        cumulative = new double[n][r];
        for (int a = 0; a < n; a++) {
            drawRules(a);
        }
        double[][] mean = new double[n][n];
        double[] choiceEntropy = new double[n];
        double[] directTerminals = new double[n];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < r; k++) {
                double p = probabilities[a][k];
                choiceEntropy[a] -= p * Math.log(p);
                directTerminals[a] += p;
                for (int symbol : tails[a][k]) {
                    if (symbol < 0) {
                        mean[a][-1 - symbol] += p;
                    } else {
                        directTerminals[a] += p;
                    }
                }
            }
        }
        derivationEntropy = solveWithMean(mean, choiceEntropy);
        expectedLength = solveWithMean(mean, directTerminals);
    }

    private void drawRules(int a) {
        CounterRng rng = new CounterRng(CounterRng.key(spec.seed(), Streams.GRAMMAR, a));
        int terminals = spec.vocab() - 1;
        int[] order = new int[terminals];
        for (int i = 0; i < terminals; i++) {
            order[i] = i + 1;
        }
        double z = 0;
        for (int k = 0; k < spec.rules(); k++) {
            int j = k + rng.nextInt(terminals - k);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
            leads[a][k] = order[k];
            int[] tail = new int[rng.nextInt(MAX_TAIL + 1)];
            for (int i = 0; i < tail.length; i++) {
                tail[i] = rng.nextDouble() < NONTERMINAL_CHANCE
                        ? -1 - rng.nextInt(spec.nonterminals())
                        : 1 + rng.nextInt(terminals);
            }
            tails[a][k] = tail;
            probabilities[a][k] = Math.pow(k + 1, -spec.zipf());
            z += probabilities[a][k];
        }
        double running = 0;
        for (int k = 0; k < spec.rules(); k++) {
            probabilities[a][k] /= z;
            running += probabilities[a][k];
            cumulative[a][k] = running;
        }
        cumulative[a][spec.rules() - 1] = 1.0;
        capExpectedChildren(a, rng);
    }

    /** Turns tail nonterminals into terminals until A's expected children are below the cap. */
    private void capExpectedChildren(int a, CounterRng rng) {
        for (int k = spec.rules() - 1; k >= 0 && expectedChildren(a) >= spec.recursion(); k--) {
            int[] tail = tails[a][k];
            for (int i = tail.length - 1; i >= 0 && expectedChildren(a) >= spec.recursion(); i--) {
                if (tail[i] < 0) {
                    tail[i] = 1 + rng.nextInt(spec.vocab() - 1);
                }
            }
        }
    }

    private double expectedChildren(int a) {
        double children = 0;
        for (int k = 0; k < spec.rules(); k++) {
            for (int symbol : tails[a][k]) {
                children += symbol < 0 ? probabilities[a][k] : 0;
            }
        }
        return children;
    }

    /** Solves {@code x = b + M x} by LU; {@code I - M} is invertible as M's row sums are < 1. */
    private static double[] solveWithMean(double[][] mean, double[] b) {
        int n = b.length;
        RealMatrix system = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                system.setEntry(i, j, (i == j ? 1.0 : 0.0) - mean[i][j]);
            }
        }
        return new LUDecomposition(system).getSolver().solve(new ArrayRealVector(b)).toArray();
    }

    /** The parameters this grammar was built from. */
    public GrammarSpec spec() {
        return spec;
    }

    /**
     * The rules of a nonterminal, most probable first.
     *
     * @param nonterminal index in {@code [0, nonterminals)}
     */
    public List<Rule> rules(int nonterminal) {
        Rule[] out = new Rule[spec.rules()];
        for (int k = 0; k < out.length; k++) {
            out[k] = new Rule(leads[nonterminal][k], tails[nonterminal][k],
                    probabilities[nonterminal][k]);
        }
        return List.of(out);
    }

    /** Entropy of one sentence (equal to that of its derivation), nats. */
    public double sentenceEntropy() {
        return derivationEntropy[0];
    }

    /** Expected number of tokens in one sentence, not counting the separator. */
    public double meanSentenceLength() {
        return expectedLength[0];
    }

    /** Exact entropy rate of the sentence stream, {@code sentenceEntropy / (meanLength + 1)}. */
    public double entropyRate() {
        return sentenceEntropy() / (meanSentenceLength() + 1);
    }

    /** Expected terminals derived from {@code nonterminal}, {@code l_A} of the class comment. */
    double expectedLength(int nonterminal) {
        return expectedLength[nonterminal];
    }

    /** Probability of rule {@code rule} of {@code nonterminal}. */
    double probability(int nonterminal, int rule) {
        return probabilities[nonterminal][rule];
    }

    /** Index of the rule of {@code nonterminal} chosen by uniform {@code u} in [0, 1). */
    int chooseRule(int nonterminal, double u) {
        double[] c = cumulative[nonterminal];
        int k = 0;
        while (c[k] <= u) {
            k++;
        }
        return k;
    }

    /** Leading terminal of a rule. */
    int lead(int nonterminal, int rule) {
        return leads[nonterminal][rule];
    }

    /** Tail of a rule, shared (callers must not modify it). */
    int[] tailView(int nonterminal, int rule) {
        return tails[nonterminal][rule];
    }
}
