package dev.prec.data;

import java.util.Arrays;

/**
 * Lazy leftmost generation of a grammar's sentence stream, one token per call: a stack of pending
 * symbols; a nonterminal on top is replaced by a drawn rule's tail and yields the rule's leading
 * terminal. Mutable; one per sequence.
 *
 * <p>{@link #stationary} starts the stream at a position drawn exactly from the stationary law of
 * the stream, without burn-in. In the stationary stream a position holds the separator with
 * probability {@code 1 / (l + 1)} (l the mean sentence length; renewal-reward theorem); otherwise
 * it is a uniformly chosen token of a sentence drawn with probability proportional to
 * {@code P(S) |S|}. Such a size-biased sentence with a marked token is grown along its spine, the
 * path from the root to the mark (the spine decomposition of size-biased branching trees: Lyons,
 * Pemantle and Peres, "Conceptual proofs of L log L criteria for mean behavior of branching
 * processes", Annals of Probability 23(3), 1995): at spine node A, rule r is chosen with
 * probability {@code p_r (1 + t_r + sum over tail nonterminals B of l_B) / l_A} (t_r the tail's
 * terminals, l_A the expected terminals under A, so these sum to 1 by {@code l = e + M l}), then
 * the part holding the mark with weight 1 for a terminal and {@code l_B} for a nonterminal B; a
 * terminal part ends the spine. Off-spine symbols before the mark are never needed (the window
 * starts at the mark); those after it are pushed, deepest level on top, and expand as usual.
 */
final class SentenceStream {

    /** Marker on the stack for the separator that ends the current sentence. */
    private static final int END = Integer.MIN_VALUE;

    /** The grammar expanded. */
    private final Grammar grammar;
    /** The random draws of this stream. */
    private final CounterRng rng;
    /** Pending symbols, top at {@code size - 1}. */
    private int[] stack = new int[16];
    /** Number of pending symbols. */
    private int size;

    private SentenceStream(Grammar grammar, CounterRng rng) {
        this.grammar = grammar;
        this.rng = rng;
    }

    /**
     * A stream that starts at a sentence boundary: its first token begins a sentence.
     *
     * @param rng the stream's own random draws
     */
    static SentenceStream fromBoundary(Grammar grammar, CounterRng rng) {
        SentenceStream stream = new SentenceStream(grammar, rng);
        stream.startSentence();
        return stream;
    }

    /**
     * A stream whose first token is at a position drawn from the stationary law (class comment).
     *
     * @param rng the stream's own random draws
     */
    static SentenceStream stationary(Grammar grammar, CounterRng rng) {
        SentenceStream stream = new SentenceStream(grammar, rng);
        stream.push(END);
        if (rng.nextDouble() * (grammar.meanSentenceLength() + 1) < 1) {
            return stream;
        }
        int nonterminal = 0;
        while (true) {
            int rule = stream.spineRule(nonterminal);
            int[] tail = grammar.tailView(nonterminal, rule);
            int part = stream.spinePart(nonterminal, rule);
            for (int i = tail.length - 1; i >= part; i--) {
                stream.push(tail[i]);
            }
            if (part == 0) {
                stream.push(grammar.lead(nonterminal, rule));
                return stream;
            }
            int marked = tail[part - 1];
            if (marked >= 0) {
                stream.push(marked);
                return stream;
            }
            nonterminal = -1 - marked;
        }
    }

    /** Expected terminals of one rule's expansion: its own terminals plus its children's. */
    private double ruleLength(int nonterminal, int rule) {
        double length = 1;
        for (int symbol : grammar.tailView(nonterminal, rule)) {
            length += symbol >= 0 ? 1 : grammar.expectedLength(-1 - symbol);
        }
        return length;
    }

    /** A rule of a spine node, chosen with probability {@code p_r ruleLength_r / l_A}. */
    private int spineRule(int nonterminal) {
        int rules = grammar.spec().rules();
        double u = rng.nextDouble() * grammar.expectedLength(nonterminal);
        double running = 0;
        for (int r = 0; r < rules - 1; r++) {
            running += grammar.probability(nonterminal, r) * ruleLength(nonterminal, r);
            if (u < running) {
                return r;
            }
        }
        return rules - 1;
    }

    /** The part holding the mark: 0 for the lead, i for tail symbol i - 1. */
    private int spinePart(int nonterminal, int rule) {
        int[] tail = grammar.tailView(nonterminal, rule);
        double u = rng.nextDouble() * ruleLength(nonterminal, rule);
        double running = 1;
        if (u < running) {
            return 0;
        }
        for (int i = 0; i < tail.length - 1; i++) {
            running += tail[i] >= 0 ? 1 : grammar.expectedLength(-1 - tail[i]);
            if (u < running) {
                return i + 1;
            }
        }
        return tail.length;
    }

    private void startSentence() {
        push(END);
        push(-1);
    }

    /** The next token of the stream. */
    int next() {
        int symbol = stack[--size];
        if (symbol == END) {
            startSentence();
            return Grammar.SEPARATOR;
        }
        if (symbol >= 0) {
            return symbol;
        }
        int nonterminal = -1 - symbol;
        int rule = grammar.chooseRule(nonterminal, rng.nextDouble());
        int[] tail = grammar.tailView(nonterminal, rule);
        for (int i = tail.length - 1; i >= 0; i--) {
            push(tail[i]);
        }
        return grammar.lead(nonterminal, rule);
    }

    private void push(int symbol) {
        if (size == stack.length) {
            stack = Arrays.copyOf(stack, 2 * size);
        }
        stack[size++] = symbol;
    }
}
