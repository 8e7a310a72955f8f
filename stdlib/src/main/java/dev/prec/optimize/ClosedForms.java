package dev.prec.optimize;

/**
 * The analytic answers of {@code docs/science.md} section 3, derived here from the constraint
 * rather than copied (the paper's printed exponent on P for D* breaks N D P = C, and its main-text
 * Eq. 7 carries a stray alpha). The solvers never use these; tests hold the numeric solvers to them.
 */
public final class ClosedForms {
    private ClosedForms() {
    }

    /**
     * The Chinchilla-shaped loss L = A (N f)^-alpha + B D^-beta + E, f the effective-parameter factor.
     *
     * @param a coefficient A, {@code > 0}
     * @param alpha exponent of N, {@code > 0}
     * @param b coefficient B, {@code > 0}
     * @param beta exponent of D, {@code > 0}
     * @param e irreducible loss E (nats per token)
     */
    public record Chinchilla(double a, double alpha, double b, double beta, double e) {
        public Chinchilla {
            if (!(a > 0) || !(alpha > 0) || !(b > 0) || !(beta > 0) || !Double.isFinite(e)) {
                throw new IllegalArgumentException("need A, alpha, B, beta > 0 and finite E");
            }
        }

        /** The loss at N, D with effective factor f. */
        public double loss(Point p, double factor) {
            return a * Math.pow(p.params() * factor, -alpha) + b * Math.pow(p.tokens(), -beta) + e;
        }
    }

    /**
     * The optimum of a Chinchilla-shaped law at fixed precision under a cost linear in N D,
     * {@code cost = costPerParamToken * N * D} ((6/16) P for bit-FLOPs, 6 for FLOPs). With
     * A' = A f^-alpha and K = budget / costPerParamToken, minimising A' N^-alpha + B (K/N)^-beta
     * gives N^(alpha+beta) = alpha A' K^beta / (beta B), so
     * N* = (alpha A' / (beta B))^(1/(alpha+beta)) K^(beta/(alpha+beta)) and D* = K / N*, which
     * spends the budget exactly (D* = G^-1 K^(alpha/(alpha+beta)) with the same G).
     *
     * @param law the law's constants
     * @param factor the effective-parameter factor f(P) in (0, 1]
     * @param bits P, carried into the point, {@code > 0}
     * @param costPerParamToken cost of one parameter-token, {@code > 0}
     * @param budget the budget, {@code > 0}
     * @return (N*, D*, P)
     * @throws IllegalArgumentException if {@code factor}, {@code costPerParamToken} or {@code budget} is not positive
     */
    public static Point fixedPrecision(Chinchilla law, double factor, double bits, double costPerParamToken, double budget) {
        if (!(factor > 0) || !(costPerParamToken > 0) || !(budget > 0)) {
            throw new IllegalArgumentException("factor, cost per parameter-token and budget must be > 0");
        }
        double k = budget / costPerParamToken;
        double aEff = law.a() * Math.pow(factor, -law.alpha());
        double sum = law.alpha() + law.beta();
        double n = Math.pow(law.alpha() * aEff / (law.beta() * law.b()), 1 / sum) * Math.pow(k, law.beta() / sum);
        return new Point(n, k / n, bits);
    }

    /**
     * x* = P* / gamma of the tied form f(P) = (1 - exp(-P/gamma))^power under C ~ N D P: P* maximises
     * f(P) / P (alpha and beta cancel), whose first-order condition is
     * {@code power * x * exp(-x) = 1 - exp(-x)}. Solved by bisection on (0, 2 power], where the
     * left side exceeds the right near 0 and falls below it for large x. For power 3, x* = 1.904.
     *
     * @param power the exponent of the tied form (3 for weights, activations and KV cache), {@code > 1}
     * @throws IllegalArgumentException if {@code power <= 1} (f(P)/P then has no interior maximum)
     */
    public static double tiedPrecisionRatio(double power) {
        if (!(power > 1)) {
            throw new IllegalArgumentException("power must be > 1, got " + power);
        }
        double lo = 1e-9;
        double hi = 2 * power + 10;
        for (int i = 0; i < 200; i++) {
            double x = 0.5 * (lo + hi);
            double g = power * x * Math.exp(-x) - (1 - Math.exp(-x));
            if (g > 0) {
                lo = x;
            } else {
                hi = x;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The PTQ degradation term delta = C_T D^gamma_D / N^gamma_N exp(-P_post/gamma_post + offset).
     *
     * @param ct C_T, {@code > 0}
     * @param gammaD exponent of D, {@code > 0}
     * @param gammaN exponent of N
     * @param gammaPost precision scale in bits, {@code > 0}
     * @param offset the "b" reading of Table 2 (0 without it)
     */
    public record PtqTerm(double ct, double gammaD, double gammaN, double gammaPost, double offset) {
        public PtqTerm {
            if (!(ct > 0) || !(gammaD > 0) || !(gammaPost > 0)) {
                throw new IllegalArgumentException("need C_T, gamma_D, gamma_post > 0");
            }
        }
    }

    /**
     * The critical data size of SCIENCE.md section 3: setting d/dD (B D^-beta + delta) = 0 gives
     * D_crit = [beta B N^gamma_N exp(P_post/gamma_post - offset) / (gamma_D C_T)]^(1/(gamma_D + beta));
     * beyond it more pretraining data raises the post-quantization loss.
     *
     * @param data B and beta of the data term: {@code data.b()}, {@code data.beta()} (other fields unused)
     * @param ptq the degradation term
     * @param params N, {@code > 0}
     * @param postBits P_post in bits
     * @return D_crit in tokens
     * @throws IllegalArgumentException if {@code params <= 0}
     */
    public static double criticalTokens(Chinchilla data, PtqTerm ptq, double params, double postBits) {
        if (!(params > 0)) {
            throw new IllegalArgumentException("params must be > 0, got " + params);
        }
        double inner = data.beta() * data.b() * Math.pow(params, ptq.gammaN())
                * Math.exp(postBits / ptq.gammaPost() - ptq.offset()) / (ptq.gammaD() * ptq.ct());
        return Math.pow(inner, 1 / (ptq.gammaD() + data.beta()));
    }
}
