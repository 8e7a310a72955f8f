package dev.prec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class MarkovChainTest {

    /** Dense transition matrix over states built only from probability(state, token). */
    private static double[][] denseTransitions(MarkovChain chain) {
        int n = chain.states();
        int vocab = chain.spec().vocab();
        double[][] p = new double[n][n];
        for (int s = 0; s < n; s++) {
            for (int x = 0; x < vocab; x++) {
                int next = (int) (((long) s * vocab + x) % n);
                p[s][next] += chain.probability(s, x);
            }
        }
        return p;
    }

    /** pi from the linear system pi (P - I) = 0, sum pi = 1 (one equation replaced), by LU. */
    private static double[] solveStationary(MarkovChain chain) {
        double[][] p = denseTransitions(chain);
        int n = p.length;
        RealMatrix a = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.setEntry(i, j, p[j][i] - (i == j ? 1 : 0));
            }
        }
        double[] rhs = new double[n];
        for (int j = 0; j < n; j++) {
            a.setEntry(n - 1, j, 1.0);
        }
        rhs[n - 1] = 1.0;
        return new LUDecomposition(a).getSolver().solve(new ArrayRealVector(rhs)).toArray();
    }

    @Test
    void transitionRowsAreDistributionsWithExactlyBranchingSuccessors() {
        MarkovChain chain = new MarkovChain(new MarkovSpec(7, 2, 1.3, 4, 11));
        for (int s = 0; s < chain.states(); s++) {
            double sum = 0;
            int support = 0;
            for (int x = 0; x < 7; x++) {
                double p = chain.probability(s, x);
                sum += p;
                support += p > 0 ? 1 : 0;
            }
            assertEquals(1.0, sum, 1e-12, "row " + s);
            assertEquals(4, support, "row " + s);
        }
    }

    @Test
    void stationaryDistributionIsLeftFixedByTheTransitions() {
        MarkovChain chain = new MarkovChain(new MarkovSpec(5, 2, 1.1, 3, 3));
        double[] pi = chain.stationaryDistribution();
        double[][] p = denseTransitions(chain);
        double l1 = 0;
        for (int j = 0; j < pi.length; j++) {
            double piP = 0;
            for (int i = 0; i < pi.length; i++) {
                piP += pi[i] * p[i][j];
            }
            l1 += Math.abs(piP - pi[j]);
        }
        assertTrue(l1 < 1e-11, "L1 residual of pi P - pi = " + l1);
    }

    @Test
    void stationaryDistributionMatchesAnLuSolveOfTheBalanceEquations() {
        MarkovChain chain = new MarkovChain(new MarkovSpec(6, 2, 0.8, 6, 5));
        double[] pi = chain.stationaryDistribution();
        double[] solved = solveStationary(chain);
        for (int s = 0; s < pi.length; s++) {
            assertEquals(solved[s], pi[s], 1e-11, "state " + s);
        }
    }

    /**
     * For a stationary order-k chain, H(X_1..X_{n+1}) - H(X_1..X_n) is the entropy rate for every
     * n >= k; the block entropies come from enumerating all V^n strings with pi from an LU solve.
     */
    @Test
    void entropyRateEqualsBlockEntropyDifferenceOfEnumeratedStrings() {
        MarkovChain chain = new MarkovChain(new MarkovSpec(3, 2, 1.5, 3, 9));
        double[] pi = solveStationary(chain);
        double rate = chain.entropyRate();
        double h2 = blockEntropy(chain, pi, 2);
        double h3 = blockEntropy(chain, pi, 3);
        double h6 = blockEntropy(chain, pi, 6);
        double h7 = blockEntropy(chain, pi, 7);
        assertEquals(h3 - h2, rate, 1e-10);
        assertEquals(h7 - h6, rate, 1e-10);
    }

    /** H(X_1..X_n) for n >= order, by enumerating every string of length n. */
    private static double blockEntropy(MarkovChain chain, double[] pi, int n) {
        int vocab = chain.spec().vocab();
        int order = chain.spec().order();
        int strings = (int) Math.pow(vocab, n);
        double h = 0;
        for (int code = 0; code < strings; code++) {
            int[] x = new int[n];
            int rest = code;
            for (int i = n - 1; i >= 0; i--) {
                x[i] = rest % vocab;
                rest /= vocab;
            }
            int state = 0;
            for (int i = 0; i < order; i++) {
                state = state * vocab + x[i];
            }
            double p = pi[state];
            for (int i = order; i < n && p > 0; i++) {
                p *= chain.probability(state, x[i]);
                state = (state * vocab + x[i]) % chain.states();
            }
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    @Test
    void uniformWeightsOverTheWholeVocabularyGiveLogVocab() {
        MarkovChain chain = new MarkovChain(new MarkovSpec(10, 3, 0.0, 10, 2));
        assertEquals(Math.log(10), chain.entropyRate(), 1e-12);
    }

    @Test
    void entropyRateFallsAsZipfGrowsAndAsBranchingShrinks() {
        MarkovSpec base = new MarkovSpec(32, 1, 0.5, 32, 4);
        double flat = new MarkovChain(base).entropyRate();
        double peaked = new MarkovChain(base.withZipf(1.5)).entropyRate();
        double sparse = new MarkovChain(base.withBranching(4)).entropyRate();
        assertTrue(peaked < flat, peaked + " vs " + flat);
        assertTrue(sparse < flat, sparse + " vs " + flat);
        assertTrue(sparse <= Math.log(4) + 1e-12, "rate " + sparse + " above log(branching)");
        assertTrue(flat < Math.log(32));
    }

    @Test
    void deterministicPeriodicChainConvergesToZeroEntropy() {
        MarkovChain chain = new MarkovChain(new MarkovSpec(6, 1, 1.0, 1, 8));
        assertEquals(0.0, chain.entropyRate(), 0.0);
        double[] pi = chain.stationaryDistribution();
        double[][] p = denseTransitions(chain);
        for (int j = 0; j < pi.length; j++) {
            double piP = 0;
            for (int i = 0; i < pi.length; i++) {
                piP += pi[i] * p[i][j];
            }
            assertEquals(pi[j], piP, 1e-11, "state " + j);
        }
    }

    @Test
    void tokensOfInvertsTheStateEncoding() {
        MarkovChain chain = new MarkovChain(new MarkovSpec(5, 3, 1.0, 5, 1));
        for (int s = 0; s < chain.states(); s++) {
            int[] t = chain.tokensOf(s);
            assertEquals(s, t[0] * 25 + t[1] * 5 + t[2]);
            assertEquals((s * 5 + 4) % 125, chain.nextState(s, 4));
        }
    }

    @Test
    void sameSeedBuildsTheSameChainAndAnotherSeedAnother() {
        MarkovSpec spec = new MarkovSpec(16, 2, 1.0, 8, 21);
        MarkovChain a = new MarkovChain(spec);
        MarkovChain b = new MarkovChain(spec);
        MarkovChain c = new MarkovChain(spec.withSeed(22));
        double[][] pa = denseTransitions(a);
        assertArrayEquals(pa[37], denseTransitions(b)[37]);
        int differing = 0;
        double[][] pc = denseTransitions(c);
        for (int s = 0; s < pa.length; s++) {
            differing += java.util.Arrays.equals(pa[s], pc[s]) ? 0 : 1;
        }
        assertTrue(differing > pa.length * 9 / 10, "only " + differing + " rows differ");
    }

    @Test
    void defaultFirstOrderSourceSitsWellBelowLogVocab() {
        double rate = new MarkovChain(MarkovSpec.FIRST_ORDER_64).entropyRate();
        assertTrue(rate > 2.0 && rate < 3.6, "rate " + rate + " nats vs log 64 = " + Math.log(64));
    }
}
