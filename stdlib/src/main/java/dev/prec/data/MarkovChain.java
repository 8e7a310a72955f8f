package dev.prec.data;

import java.util.Arrays;

/**
 * The transition structure of a Zipf-weighted order-k Markov chain ({@link MarkovSpec}), its
 * stationary distribution and its exact entropy rate. Immutable after construction, except for
 * the stationary distribution, computed once on first use and then shared; thread-safe.
 *
 * <p><b>States.</b> A state is the last {@code k = order} tokens {@code (a_1 .. a_k)}, oldest
 * first, encoded as {@code a_1 V^(k-1) + ... + a_k} (V = vocab); after token {@code x} the next
 * state is {@code (state * V + x) mod V^k}.
 *
 * <p><b>Transitions.</b> State {@code s} ranks the vocabulary by a seeded permutation
 * {@code perm_s} and gives the token at rank {@code r < B} (B = branching) the probability
 * {@code (r + 1)^-e / Z}, with {@code Z} the normaliser over ranks {@code 0..B-1}; tokens ranked
 * {@code B} or later have probability 0. The exponent {@code e} is level {@code j} of
 * {@link #EXPONENT_LEVELS}: {@code e_j = zipf * (1/2 + (j + 1/2) / EXPONENT_LEVELS)}, {@code j}
 * drawn per state from the seed. When there are at most {@link #PERMUTATION_POOL} states each has
 * its own permutation; larger chains draw each state's permutation from a pool of that many seeded
 * permutations (independently per state), which bounds memory at no visible cost to the
 * statistics of any one context.
 *
 * <p><b>Entropy rate.</b> For a stationary order-k chain the entropy rate equals
 * {@code H(X_{k+1} | X_1..X_k) = sum_s pi(s) H(next | s)} (Cover and Thomas, Elements of
 * Information Theory, 2nd ed., Theorem 4.2.4), exact here up to the convergence of {@code pi}:
 * power iteration {@code pi <- pi P} from the uniform vector until the L1 change is at most
 * {@link #STATIONARY_TOLERANCE}, switching to the lazy chain {@code (I + P) / 2} (same stationary
 * vectors, no oscillation) if the plain iteration has not converged after
 * {@link #PLAIN_ITERATIONS} sweeps, as happens for periodic chains. The limit is the Cesaro limit
 * of the chain started uniformly: when the chain is not irreducible (possible with small
 * branching) it is a mixture of the stationary laws of its closed classes, and the formula still
 * gives the entropy rate of the stationary process started from it, which is what
 * {@link MarkovSource} samples.
 */
public final class MarkovChain {

    /** Number of distinct per-state Zipf exponents. */
    public static final int EXPONENT_LEVELS = 8;
    /** Number of distinct seeded permutations; chains with more states share them. */
    public static final int PERMUTATION_POOL = 4096;
    /** L1 change of {@code pi} between sweeps at which power iteration stops. */
    public static final double STATIONARY_TOLERANCE = 1e-12;
    /** Plain power-iteration sweeps before switching to the lazy chain. */
    static final int PLAIN_ITERATIONS = 1000;

    /** Source parameters. */
    private final MarkovSpec spec;
    /** {@code V^k}. */
    private final int states;
    /** Successors per state, B. */
    private final int branching;
    /** Permutation prefixes: row p holds the B tokens of ranks 0..B-1, length pool * B. */
    private final int[] successors;
    /** Row of {@code successors} used by each state; null when each state has its own row. */
    private final int[] permutationOfState;
    /** Exponent level of each state, length {@code states}. */
    private final byte[] levelOfState;
    /** Probability of rank r at level j, {@code [j][r]}, r in [0, B). */
    private final double[][] rankProbability;
    /** Cumulative probabilities {@code [j][r] = P(rank <= r)}, last entry exactly 1. */
    private final double[][] rankCumulative;
    /** Entropy of the rank distribution of level j, nats. */
    private final double[] levelEntropy;
    /** Stationary distribution and its CDF over states, made on first use. */
    private volatile Stationary stationary;

    /** The stationary law over states, its cumulative sums, and sweeps used. */
    private record Stationary(double[] pi, double[] cumulative, int sweeps) {}

    /**
     * Builds the chain's transitions from the spec's seed; cost O(states + pool * branching).
     *
     * @param spec the source parameters, validated by their record
     */
    public MarkovChain(MarkovSpec spec) {
        this.spec = spec;
        this.states = spec.states();
        this.branching = spec.branching();
        int pool = Math.min(states, PERMUTATION_POOL);
        this.successors = seededPermutationPrefixes(pool);
        this.levelOfState = new byte[states];
        this.permutationOfState = states > pool ? new int[states] : null;
        for (int s = 0; s < states; s++) {
            long h = CounterRng.key(spec.seed(), Streams.STRUCTURE, s);
            levelOfState[s] = (byte) Long.remainderUnsigned(h, EXPONENT_LEVELS);
            if (permutationOfState != null) {
                permutationOfState[s] = (int) Long.remainderUnsigned(h >>> 8, pool);
            }
        }
        this.rankProbability = new double[EXPONENT_LEVELS][];
        this.rankCumulative = new double[EXPONENT_LEVELS][];
        this.levelEntropy = new double[EXPONENT_LEVELS];
        for (int j = 0; j < EXPONENT_LEVELS; j++) {
            buildLevel(j, exponent(j));
        }
    }

    /** Exponent of level {@code j}, evenly spread over [zipf/2, 3 zipf/2]. */
    double exponent(int level) {
        return spec.zipf() * (0.5 + (level + 0.5) / EXPONENT_LEVELS);
    }

    private void buildLevel(int level, double exponent) {
        double[] p = new double[branching];
        double z = 0;
        for (int r = 0; r < branching; r++) {
            p[r] = Math.pow(r + 1, -exponent);
            z += p[r];
        }
        double[] c = new double[branching];
        double h = 0;
        double running = 0;
        for (int r = 0; r < branching; r++) {
            p[r] /= z;
            running += p[r];
            c[r] = running;
            h -= p[r] * Math.log(p[r]);
        }
        c[branching - 1] = 1.0;
        rankProbability[level] = p;
        rankCumulative[level] = c;
        levelEntropy[level] = h;
    }

    /** Partial Fisher-Yates per pool row, undoing its swaps so each row costs O(B), not O(V). */
    private int[] seededPermutationPrefixes(int pool) {
        int vocab = spec.vocab();
        int[] scratch = new int[vocab];
        for (int i = 0; i < vocab; i++) {
            scratch[i] = i;
        }
        int[] swappedWith = new int[branching];
        int[] rows = new int[pool * branching];
        for (int p = 0; p < pool; p++) {
            CounterRng rng = new CounterRng(CounterRng.key(spec.seed(), Streams.PERMUTATION, p));
            for (int r = 0; r < branching; r++) {
                int j = r + rng.nextInt(vocab - r);
                swappedWith[r] = j;
                int t = scratch[r];
                scratch[r] = scratch[j];
                scratch[j] = t;
                rows[p * branching + r] = scratch[r];
            }
            for (int r = branching - 1; r >= 0; r--) {
                int j = swappedWith[r];
                int t = scratch[r];
                scratch[r] = scratch[j];
                scratch[j] = t;
            }
        }
        return rows;
    }

    /** The parameters this chain was built from. */
    public MarkovSpec spec() {
        return spec;
    }

    /** Number of states, {@code vocab^order}. */
    public int states() {
        return states;
    }

    /**
     * The state after {@code token} is appended to the history {@code state}.
     *
     * @param state current state, {@code 0 <= state < states()}
     * @param token next token, {@code 0 <= token < vocab}
     */
    public int nextState(int state, int token) {
        return (int) (((long) state * spec.vocab() + token) % states);
    }

    /**
     * The tokens a state remembers, oldest first.
     *
     * @param state a state, {@code 0 <= state < states()}
     * @return array of length {@code order}
     */
    public int[] tokensOf(int state) {
        int[] tokens = new int[spec.order()];
        int rest = state;
        for (int i = spec.order() - 1; i >= 0; i--) {
            tokens[i] = rest % spec.vocab();
            rest /= spec.vocab();
        }
        return tokens;
    }

    /**
     * Transition probability {@code P(next = token | state)}; O(branching).
     *
     * @param state current state, {@code 0 <= state < states()}
     * @param token candidate next token, {@code 0 <= token < vocab}
     * @return the probability, in [0, 1]
     */
    public double probability(int state, int token) {
        int row = rowOf(state);
        double[] p = rankProbability[levelOfState[state]];
        for (int r = 0; r < branching; r++) {
            if (successors[row + r] == token) {
                return p[r];
            }
        }
        return 0.0;
    }

    /**
     * Entropy of the next token given the state, {@code H(next | state)}, in nats.
     *
     * @param state a state, {@code 0 <= state < states()}
     */
    public double conditionalEntropy(int state) {
        return levelEntropy[levelOfState[state]];
    }

    /**
     * Draws the next token by inverting the state's cumulative distribution at {@code u}.
     *
     * @param state current state
     * @param u uniform in [0, 1)
     */
    int sampleNext(int state, double u) {
        int rank = firstAbove(rankCumulative[levelOfState[state]], u);
        return successors[rowOf(state) + rank];
    }

    /**
     * Draws a state from the stationary distribution by inverting its CDF at {@code u}.
     *
     * @param u uniform in [0, 1)
     */
    int sampleStationary(double u) {
        return firstAbove(stationary().cumulative(), u);
    }

    /**
     * The first index whose cumulative value exceeds {@code u}; that index has positive mass,
     * since its value is above its predecessor's.
     *
     * @param cumulative non-decreasing, last entry exactly 1
     * @param u in [0, 1)
     */
    private static int firstAbove(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int rowOf(int state) {
        return (permutationOfState == null ? state : permutationOfState[state]) * branching;
    }

    /**
     * The stationary distribution over states (see the class comment for how it is computed);
     * computed on the first call, O(states * branching) per sweep.
     *
     * @return a fresh copy, length {@code states()}, summing to 1
     * @throws IllegalStateException if power iteration does not converge within its sweep budget
     */
    public double[] stationaryDistribution() {
        return stationary().pi().clone();
    }

    /** Power-iteration sweeps the stationary distribution took. */
    public int stationarySweeps() {
        return stationary().sweeps();
    }

    /**
     * The exact entropy rate {@code sum_s pi(s) H(next | s)} in nats per token, in
     * {@code [0, log(branching)]}.
     *
     * @throws IllegalStateException if power iteration does not converge within its sweep budget
     */
    public double entropyRate() {
        double[] pi = stationary().pi();
        double h = 0;
        for (int s = 0; s < states; s++) {
            h += pi[s] * levelEntropy[levelOfState[s]];
        }
        return h;
    }

    private Stationary stationary() {
        Stationary st = stationary;
        if (st == null) {
            synchronized (this) {
                st = stationary;
                if (st == null) {
                    st = computeStationary();
                    stationary = st;
                }
            }
        }
        return st;
    }

    private Stationary computeStationary() {
        double[] pi = new double[states];
        Arrays.fill(pi, 1.0 / states);
        double[] next = new double[states];
        long transitions = (long) states * branching;
        // A budget of 4e9 transition updates bounds the work on large chains; small chains get
        // at least 2000 sweeps, enough for slowly mixing (sparse or periodic) ones.
        int maxSweeps = (int) Math.max(2000, Math.min(1_000_000, 4_000_000_000L / transitions));
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            step(pi, next);
            boolean lazy = sweep > PLAIN_ITERATIONS;
            double change = 0;
            double total = 0;
            for (int s = 0; s < states; s++) {
                double v = lazy ? 0.5 * (pi[s] + next[s]) : next[s];
                change += Math.abs(v - pi[s]);
                next[s] = v;
                total += v;
            }
            for (int s = 0; s < states; s++) {
                next[s] /= total;
            }
            double[] t = pi;
            pi = next;
            next = t;
            if (change <= STATIONARY_TOLERANCE) {
                return new Stationary(pi, cumulative(pi), sweep);
            }
        }
        throw new IllegalStateException("synthetic source " + spec + ": the stationary distribution"
                + " did not converge in " + maxSweeps + " sweeps; the chain mixes too slowly,"
                + " raise branching or lower zipf");
    }

    /** One sweep {@code next = pi P}, pushing each state's mass to its successors. */
    private void step(double[] pi, double[] next) {
        Arrays.fill(next, 0.0);
        int vocab = spec.vocab();
        int shiftModulus = states / vocab;
        for (int s = 0; s < states; s++) {
            double mass = pi[s];
            if (mass == 0.0) {
                continue;
            }
            int base = (s % shiftModulus) * vocab;
            int row = rowOf(s);
            double[] p = rankProbability[levelOfState[s]];
            for (int r = 0; r < branching; r++) {
                next[base + successors[row + r]] += mass * p[r];
            }
        }
    }

    private static double[] cumulative(double[] pi) {
        double[] c = new double[pi.length];
        double running = 0;
        for (int i = 0; i < pi.length; i++) {
            running += pi[i];
            c[i] = running;
        }
        c[pi.length - 1] = 1.0;
        return c;
    }
}
