package dev.prec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkovSourceTest {

    /**
     * The average of -log P(x_t | state) under the true chain over about 1e6 sampled tokens
     * estimates the entropy rate; the tolerance is 5 standard errors of the mean computed from
     * independent per-sequence averages (sequences are independent draws by construction).
     */
    private static double[] assertEmpiricalLossMatchesRate(MarkovSpec spec, int batches) {
        MarkovSource source = new MarkovSource(spec);
        MarkovChain chain = source.chain();
        int batch = 64;
        int context = 255;
        int[] out = new int[batch * (context + 1)];
        int order = spec.order();
        double sum = 0;
        double sumSquares = 0;
        long tokens = 0;
        int sequences = 0;
        for (int step = 0; step < batches; step++) {
            source.trainBatch(step, batch, context, out);
            for (int b = 0; b < batch; b++) {
                int offset = b * (context + 1);
                int state = 0;
                for (int i = 0; i < order; i++) {
                    state = state * spec.vocab() + out[offset + i];
                }
                double loss = 0;
                for (int i = order; i <= context; i++) {
                    int x = out[offset + i];
                    loss -= Math.log(chain.probability(state, x));
                    state = (int) (((long) state * spec.vocab() + x) % chain.states());
                }
                int predicted = context + 1 - order;
                sum += loss;
                tokens += predicted;
                double mean = loss / predicted;
                sumSquares += mean * mean;
                sequences++;
            }
        }
        double mean = sum / tokens;
        double sequenceVariance = sumSquares / sequences - mean * mean;
        double standardError = Math.sqrt(sequenceVariance / sequences);
        double rate = chain.entropyRate();
        assertTrue(tokens >= 900_000 || batches < 60, "only " + tokens + " tokens");
        assertTrue(Math.abs(mean - rate) < 5 * standardError,
                "empirical " + mean + " vs exact " + rate + " (standard error " + standardError + ")");
        assertTrue(standardError < 0.01 * rate, "standard error " + standardError + " too loose");
        return new double[] {mean, standardError};
    }

    @Test
    void trueModelLogLossOnAMillionTokensMatchesEntropyRateFirstOrder() {
        assertEmpiricalLossMatchesRate(MarkovSpec.FIRST_ORDER_64, 62);
    }

    @Test
    void trueModelLogLossOnAMillionTokensMatchesEntropyRateThirdOrderSparse() {
        assertEmpiricalLossMatchesRate(new MarkovSpec(12, 3, 1.2, 5, 17), 62);
    }

    /**
     * On a chain whose stationary law is far from uniform, the sampled loss separates the
     * pi-weighted rate from the uniformly weighted mean of the per-state entropies.
     */
    @Test
    void trueModelLogLossRejectsTheUniformlyWeightedEntropy() {
        MarkovSpec spec = new MarkovSpec(5, 2, 3.0, 5, 2);
        double[] measured = assertEmpiricalLossMatchesRate(spec, 62);
        MarkovChain chain = new MarkovChain(spec);
        double uniform = 0;
        for (int s = 0; s < chain.states(); s++) {
            uniform += chain.conditionalEntropy(s) / chain.states();
        }
        assertTrue(Math.abs(measured[0] - uniform) > 10 * measured[1],
                "uniform weighting " + uniform + " is not excluded by " + measured[0]);
    }

    @Test
    void batchesArePureFunctionsOfTheirIndexWhateverTheCallOrder() {
        MarkovSpec spec = new MarkovSpec(20, 2, 1.0, 20, 5);
        MarkovSource first = new MarkovSource(spec);
        MarkovSource second = new MarkovSource(spec);
        int[] a = new int[4 * 33];
        int[] b = new int[4 * 33];
        first.trainBatch(7, 4, 32, a);
        second.trainBatch(3, 4, 32, b);
        second.trainBatch(7, 4, 32, b);
        assertArrayEquals(a, b);
        first.validationBatch(2, 4, 32, a);
        second.validationBatch(2, 4, 32, b);
        assertArrayEquals(a, b);
    }

    @Test
    void batchSizeOnlyGroupsOneFixedStreamOfSequences() {
        MarkovSource source = new MarkovSource(new MarkovSpec(20, 1, 1.0, 20, 5));
        int length = 17;
        int[] four = new int[4 * length];
        source.trainBatch(1, 4, 16, four);
        int[] two = new int[2 * length];
        source.trainBatch(2, 2, 16, two);
        assertArrayEquals(Arrays.copyOfRange(four, 0, 2 * length), two);
        source.trainBatch(3, 2, 16, two);
        assertArrayEquals(Arrays.copyOfRange(four, 2 * length, 4 * length), two);
    }

    @Test
    void longerContextExtendsTheSameSequences() {
        MarkovSource source = new MarkovSource(new MarkovSpec(20, 2, 1.0, 20, 5));
        int[] shortRows = new int[3 * 9];
        int[] longRows = new int[3 * 33];
        source.trainBatch(4, 3, 8, shortRows);
        source.trainBatch(4, 3, 32, longRows);
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(Arrays.copyOfRange(longRows, b * 33, b * 33 + 9),
                    Arrays.copyOfRange(shortRows, b * 9, b * 9 + 9), "sequence " + b);
        }
    }

    @Test
    void trainingAndValidationSequencesAreDistinctDraws() {
        MarkovSource source = new MarkovSource(MarkovSpec.FIRST_ORDER_64);
        int batch = 32;
        int length = 33;
        int[] out = new int[batch * length];
        Set<String> train = new HashSet<>();
        for (int step = 0; step < 20; step++) {
            source.trainBatch(step, batch, 32, out);
            for (int b = 0; b < batch; b++) {
                train.add(Arrays.toString(Arrays.copyOfRange(out, b * length, (b + 1) * length)));
            }
        }
        assertEquals(20 * batch, train.size(), "training sequences repeat");
        for (int index = 0; index < 20; index++) {
            source.validationBatch(index, batch, 32, out);
            for (int b = 0; b < batch; b++) {
                String row = Arrays.toString(Arrays.copyOfRange(out, b * length, (b + 1) * length));
                assertFalse(train.contains(row), "validation sequence " + index + "/" + b);
            }
        }
    }

    @Test
    void everyTokenIsInTheVocabularyAndFollowsAPossibleTransition() {
        MarkovSource source = new MarkovSource(new MarkovSpec(9, 2, 2.0, 3, 13));
        int[] out = new int[8 * 65];
        source.trainBatch(0, 8, 64, out);
        for (int b = 0; b < 8; b++) {
            int state = out[b * 65] * 9 + out[b * 65 + 1];
            for (int i = 2; i < 65; i++) {
                int x = out[b * 65 + i];
                assertTrue(x >= 0 && x < 9, "token " + x);
                assertTrue(source.chain().probability(state, x) > 0, "impossible " + state + "->" + x);
                state = (state * 9 + x) % 81;
            }
        }
    }

    @Test
    void fingerprintChangesWithEveryParameterAndOnlyWithThem() {
        MarkovSpec spec = new MarkovSpec(16, 2, 1.0, 8, 3);
        String base = new MarkovSource(spec).fingerprint();
        assertEquals(base, new MarkovSource(new MarkovSpec(16, 2, 1.0, 8, 3)).fingerprint());
        Set<String> all = new HashSet<>();
        all.add(base);
        all.add(new MarkovSource(spec.withVocab(17)).fingerprint());
        all.add(new MarkovSource(spec.withOrder(1)).fingerprint());
        all.add(new MarkovSource(spec.withZipf(1.01)).fingerprint());
        all.add(new MarkovSource(spec.withBranching(7)).fingerprint());
        all.add(new MarkovSource(spec.withSeed(4)).fingerprint());
        assertEquals(6, all.size());
        assertTrue(base.startsWith("markov:"));
    }

    @Test
    void entropyRateIsReportedAsKnown() {
        MarkovSource source = new MarkovSource(MarkovSpec.FIRST_ORDER_64);
        assertEquals(source.chain().entropyRate(), source.entropyRate().orElseThrow(), 0.0);
        assertEquals(64, source.vocabSize());
    }

    @Test
    void badBatchRequestsAreRejectedWithTheRule() {
        MarkovSource source = new MarkovSource(new MarkovSpec(4, 1, 1.0, 4, 1));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> source.trainBatch(0, 2, 8, new int[17]));
        assertTrue(small.getMessage().contains("batch * (context + 1) = 18"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> source.trainBatch(-1, 1, 1, new int[2]));
        assertThrows(IllegalArgumentException.class, () -> source.trainBatch(0, 0, 1, new int[2]));
        assertThrows(IllegalArgumentException.class, () -> source.validationBatch(0, 1, 0, new int[2]));
    }

    @Test
    void specRejectsOutOfRangeParametersNamingThem() {
        String vocab = assertThrows(IllegalArgumentException.class,
                () -> new MarkovSpec(1, 1, 1.0, 1, 0)).getMessage();
        assertTrue(vocab.contains("vocab") && vocab.contains("got 1"), vocab);
        String zipf = assertThrows(IllegalArgumentException.class,
                () -> new MarkovSpec(4, 1, Double.NaN, 4, 0)).getMessage();
        assertTrue(zipf.contains("zipf"), zipf);
        String branching = assertThrows(IllegalArgumentException.class,
                () -> new MarkovSpec(4, 1, 1.0, 5, 0)).getMessage();
        assertTrue(branching.contains("branching"), branching);
        String states = assertThrows(IllegalArgumentException.class,
                () -> new MarkovSpec(256, 3, 1.0, 4, 0)).getMessage();
        assertTrue(states.contains("lower the order or the vocab"), states);
        String transitions = assertThrows(IllegalArgumentException.class,
                () -> new MarkovSpec(128, 3, 1.0, 128, 0).withVocab(129)).getMessage();
        assertTrue(transitions.contains("lower branching to at most"), transitions);
    }
}
