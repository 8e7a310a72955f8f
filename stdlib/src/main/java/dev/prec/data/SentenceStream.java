package dev.prec.data;

import java.util.Arrays;

/**
 * Lazy leftmost generation of a grammar's sentence stream, one token per call: a stack of pending
 * symbols; a nonterminal on top is replaced by a drawn rule's tail and yields the rule's leading
 * terminal. Mutable; one per sequence.
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

    SentenceStream(Grammar grammar, CounterRng rng) {
        this.grammar = grammar;
        this.rng = rng;
        startSentence();
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
