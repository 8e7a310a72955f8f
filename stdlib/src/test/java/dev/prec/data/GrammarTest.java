package dev.prec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrammarTest {

    /** Derivations found by exhaustive expansion, grouped by the token string they yield. */
    private record Enumeration(Map<String, Double> strings, int derivations, double mass,
            double derivationEntropy, double meanLength) {}

    /** Expands every leftmost derivation whose probability stays above {@code floor}. */
    private static Enumeration enumerate(Grammar grammar, double floor) {
        Map<String, Double> strings = new HashMap<>();
        double[] totals = new double[3];
        int[] count = new int[1];
        expand(grammar, new ArrayDeque<>(List.of(-1)), new StringBuilder(), 1.0, 0, floor,
                strings, totals, count);
        return new Enumeration(strings, count[0], totals[0], totals[1], totals[2]);
    }

    private static void expand(Grammar grammar, Deque<Integer> stack, StringBuilder emitted,
            double p, int length, double floor, Map<String, Double> strings, double[] totals,
            int[] count) {
        if (stack.isEmpty()) {
            strings.merge(emitted.toString(), p, Double::sum);
            totals[0] += p;
            totals[1] -= p * Math.log(p);
            totals[2] += p * length;
            count[0]++;
            return;
        }
        int symbol = stack.pop();
        if (symbol >= 0) {
            int mark = emitted.length();
            emitted.append(symbol).append(' ');
            expand(grammar, stack, emitted, p, length + 1, floor, strings, totals, count);
            emitted.setLength(mark);
        } else {
            for (Grammar.Rule rule : grammar.rules(-1 - symbol)) {
                double q = p * rule.probability();
                if (q < floor) {
                    continue;
                }
                int[] tail = rule.tail();
                for (int i = tail.length - 1; i >= 0; i--) {
                    stack.push(tail[i]);
                }
                int mark = emitted.length();
                emitted.append(rule.lead()).append(' ');
                expand(grammar, stack, emitted, q, length + 1, floor, strings, totals, count);
                emitted.setLength(mark);
                for (int i = 0; i < tail.length; i++) {
                    stack.pop();
                }
            }
        }
        stack.push(symbol);
    }

    @Test
    void sentenceEntropyAndLengthMatchExhaustiveEnumerationOfDerivations() {
        Grammar grammar = new Grammar(new GrammarSpec(6, 3, 3, 1.2, 0.5, 4));
        Enumeration e = enumerate(grammar, 1e-11);
        double missing = 1 - e.mass();
        assertTrue(missing < 1e-5, "enumeration left out mass " + missing);
        assertEquals(e.derivations(), e.strings().size(), "two derivations gave one string");
        double stringEntropy = 0;
        for (double p : e.strings().values()) {
            stringEntropy -= p * Math.log(p);
        }
        assertEquals(e.derivationEntropy(), stringEntropy, 1e-12);
        assertEquals(grammar.sentenceEntropy(), stringEntropy, 1e-3);
        assertEquals(grammar.meanSentenceLength(), e.meanLength(), 1e-3);
    }

    @Test
    void rulesOfANonterminalStartWithDistinctTerminalsAndSumToOne() {
        for (long seed = 0; seed < 5; seed++) {
            Grammar grammar = new Grammar(GrammarSpec.DEFAULT.withSeed(seed));
            for (int a = 0; a < GrammarSpec.DEFAULT.nonterminals(); a++) {
                Set<Integer> leads = new HashSet<>();
                double total = 0;
                double children = 0;
                for (Grammar.Rule rule : grammar.rules(a)) {
                    assertTrue(rule.lead() >= 1 && rule.lead() < 64, "lead " + rule.lead());
                    leads.add(rule.lead());
                    total += rule.probability();
                    for (int symbol : rule.tail()) {
                        assertNotEquals(Grammar.SEPARATOR, symbol);
                        children += symbol < 0 ? rule.probability() : 0;
                    }
                }
                assertEquals(GrammarSpec.DEFAULT.rules(), leads.size());
                assertEquals(1.0, total, 1e-12);
                assertTrue(children < GrammarSpec.DEFAULT.recursion(), "expected children " + children);
            }
        }
    }

    /**
     * Parses a million streamed tokens with an LL(1) parser written here from the public rules,
     * summing -log P of each sentence's unique derivation; the loss per token (separators
     * included) must match the exact rate within 5 standard errors of the ratio estimate.
     */
    @Test
    void trueModelLossOfAMillionParsedTokensMatchesEntropyRate() {
        Grammar grammar = new Grammar(GrammarSpec.DEFAULT);
        SentenceStream stream = SentenceStream.fromBoundary(grammar, new CounterRng(99));
        double rate = grammar.entropyRate();
        Deque<Integer> stack = new ArrayDeque<>(List.of(-1));
        double sentenceLoss = 0;
        int sentenceTokens = 0;
        double lossSum = 0;
        long tokenSum = 0;
        double residualSquares = 0;
        int sentences = 0;
        for (int t = 0; t < 1_000_000; t++) {
            int token = stream.next();
            sentenceTokens++;
            if (token == Grammar.SEPARATOR) {
                assertTrue(stack.isEmpty(), "separator before the sentence was complete");
                lossSum += sentenceLoss;
                tokenSum += sentenceTokens;
                double residual = sentenceLoss - rate * sentenceTokens;
                residualSquares += residual * residual;
                sentences++;
                sentenceLoss = 0;
                sentenceTokens = 0;
                stack.push(-1);
                continue;
            }
            int top = stack.pop();
            if (top >= 0) {
                assertEquals(top, token, "terminal mismatch");
                continue;
            }
            Grammar.Rule match = null;
            for (Grammar.Rule rule : grammar.rules(-1 - top)) {
                if (rule.lead() == token) {
                    match = rule;
                }
            }
            assertNotNull(match, "no rule of nonterminal " + (-1 - top) + " starts with " + token);
            sentenceLoss -= Math.log(match.probability());
            int[] tail = match.tail();
            for (int i = tail.length - 1; i >= 0; i--) {
                stack.push(tail[i]);
            }
        }
        double empirical = lossSum / tokenSum;
        double meanTokens = (double) tokenSum / sentences;
        double standardError = Math.sqrt(residualSquares / sentences / sentences) / meanTokens;
        assertTrue(Math.abs(empirical - rate) < 5 * standardError,
                "empirical " + empirical + " vs exact " + rate + " (standard error " + standardError + ")");
        assertEquals(grammar.meanSentenceLength() + 1, meanTokens, 0.02 * meanTokens);
        assertTrue(standardError < 0.01 * rate, "standard error " + standardError);
    }

    /** Histogram of the distance to the next separator (capped at {@code horizon}) and of the token. */
    private static void tally(int[] tokens, int at, int horizon, double[] distance, double[] token) {
        int d = 0;
        while (d < horizon && tokens[at + d] != Grammar.SEPARATOR) {
            d++;
        }
        distance[d]++;
        token[tokens[at]]++;
    }

    /**
     * Windows must start where a long stream spends its time: the distribution of the token at
     * the start and of the distance to the next separator (the phase within a sentence) must match
     * time averages over one long stream, which converge to the stationary law by ergodicity.
     * A start at sentence boundaries, or a wrongly weighted spine, moves these far outside the
     * tolerance (5 standard errors of both estimates, the stream's inflated for correlation).
     */
    @Test
    void windowStartsFollowTheStationaryLawOfTheStream() {
        Grammar grammar = new Grammar(GrammarSpec.DEFAULT);
        int horizon = 40;
        int n = 4_000_000;
        SentenceStream stream = SentenceStream.fromBoundary(grammar, new CounterRng(5));
        int[] tokens = new int[n + horizon + 1];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = stream.next();
        }
        double[] streamDistance = new double[horizon + 1];
        double[] streamToken = new double[64];
        for (int t = 0; t < n; t++) {
            tally(tokens, t, horizon, streamDistance, streamToken);
        }
        GrammarSource source = new GrammarSource(GrammarSpec.DEFAULT);
        int batch = 1000;
        int windows = 100 * batch;
        int[] out = new int[batch * (horizon + 1)];
        double[] windowDistance = new double[horizon + 1];
        double[] windowToken = new double[64];
        for (int step = 0; step < windows / batch; step++) {
            source.trainBatch(step, batch, horizon, out);
            for (int b = 0; b < batch; b++) {
                tally(out, b * (horizon + 1), horizon, windowDistance, windowToken);
            }
        }
        assertSameLaw("distance", streamDistance, n, windowDistance, windows);
        assertSameLaw("token", streamToken, n, windowToken, windows);
    }

    private static void assertSameLaw(String what, double[] reference, int n, double[] sample, int m) {
        for (int k = 0; k < reference.length; k++) {
            double p = reference[k] / n;
            double q = sample[k] / m;
            double sd = Math.sqrt(p * (1 - p));
            double tolerance = 5 * sd * (1 / Math.sqrt(m) + Math.sqrt(30.0 / n)) + 1e-4;
            assertEquals(p, q, tolerance, what + " " + k);
        }
    }

    @Test
    void sourceBatchesAreDeterministicAndSplitsDiffer() {
        GrammarSource a = new GrammarSource(GrammarSpec.DEFAULT);
        GrammarSource b = new GrammarSource(GrammarSpec.DEFAULT);
        int[] x = new int[6 * 65];
        int[] y = new int[6 * 65];
        a.trainBatch(5, 6, 64, x);
        b.trainBatch(4, 6, 64, y);
        b.trainBatch(5, 6, 64, y);
        assertArrayEquals(x, y);
        b.validationBatch(5, 6, 64, y);
        assertTrue(!Arrays.equals(x, y), "validation equals training");
        int[] half = new int[3 * 65];
        a.trainBatch(10, 3, 64, half);
        assertArrayEquals(Arrays.copyOfRange(x, 0, 3 * 65), half, "batch size changed the stream");
    }

    @Test
    void windowsStartAtVariedPhasesAndContainSeparators() {
        GrammarSource source = new GrammarSource(GrammarSpec.DEFAULT);
        int[] out = new int[64 * 129];
        source.trainBatch(0, 64, 128, out);
        Set<Integer> firstTokens = new HashSet<>();
        int separators = 0;
        for (int b = 0; b < 64; b++) {
            firstTokens.add(out[b * 129]);
            for (int i = 0; i < 129; i++) {
                int t = out[b * 129 + i];
                assertTrue(t >= 0 && t < 64, "token " + t);
                separators += t == Grammar.SEPARATOR ? 1 : 0;
            }
        }
        assertTrue(firstTokens.size() > 10, "windows start at few distinct tokens: " + firstTokens);
        assertTrue(separators > 64, "too few sentence ends: " + separators);
    }

    @Test
    void entropyRateIsBelowLogVocabAndFingerprintTracksTheSpec() {
        GrammarSource source = new GrammarSource(GrammarSpec.DEFAULT);
        double rate = source.entropyRate().orElseThrow();
        assertTrue(rate > 0 && rate < Math.log(64), "rate " + rate);
        assertEquals(source.fingerprint(), new GrammarSource(GrammarSpec.DEFAULT).fingerprint());
        assertNotEquals(source.fingerprint(),
                new GrammarSource(GrammarSpec.DEFAULT.withSeed(2)).fingerprint());
        assertNotEquals(source.fingerprint(),
                new GrammarSource(GrammarSpec.DEFAULT.withRules(5)).fingerprint());
    }

    @Test
    void specRejectsRulesThatCannotHaveDistinctLeadingTokens() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new GrammarSpec(4, 2, 4, 1.0, 0.5, 0)).getMessage();
        assertTrue(message.contains("rules") && message.contains("got 4"), message);
        assertThrows(IllegalArgumentException.class, () -> new GrammarSpec(64, 0, 2, 1.0, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new GrammarSpec(64, 2, 2, -1, 0.5, 0));
    }
}
