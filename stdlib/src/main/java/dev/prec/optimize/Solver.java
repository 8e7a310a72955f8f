package dev.prec.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Minimises a law's loss subject to a budget under a cost model, for any law and any cost model
 * (numerically; {@link ClosedForms} gives the analytic answers where they exist and the tests
 * compare the two). Every problem spends the budget exactly: one coordinate is always solved from
 * the constraint ({@link CostModel#tokensFor}, {@link CostModel#paramsFor}).
 *
 * <p>Search: log N (or P) by {@link Minimizer}: a grid for the basin, Brent's method inside it.
 * The joint problem nests the P-fixed problem inside a search over P (or over the menu).
 * Immutable and thread-safe when the surface is.
 */
public final class Solver {
    private final LossSurface surface;
    private final CostModel cost;
    private final SearchSpace space;

    /**
     * @param surface the law as a function of (N, D, P)
     * @param cost the cost model the budget is measured in
     * @param space where to search
     */
    public Solver(LossSurface surface, CostModel cost, SearchSpace space) {
        this.surface = Objects.requireNonNull(surface, "surface");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.space = Objects.requireNonNull(space, "space");
    }

    /** The cost model budgets are measured in. */
    public CostModel cost() {
        return cost;
    }

    /**
     * The best N and D at a fixed precision; D spends the budget.
     *
     * @param bits the precision P in bits, {@code > 0}
     * @param budget the budget in the cost model's unit, {@code > 0}
     * @throws IllegalArgumentException if {@code bits <= 0} or {@code budget <= 0}, or no point of
     *     the search space spends the budget inside the law's domain
     */
    public Optimum fixedPrecision(double bits, double budget) {
        requirePositive(bits, "bits");
        requirePositive(budget, "budget");
        return require(atPrecision(bits, budget), "precision fixed at " + bits + " bits", budget);
    }

    /**
     * The best N, D and P jointly; over the menu when the space has one.
     *
     * @param budget the budget in the cost model's unit, {@code > 0}
     * @throws IllegalArgumentException if {@code budget <= 0} or nothing feasible spends it
     */
    public Optimum joint(double budget) {
        requirePositive(budget, "budget");
        return require(overPrecision(p -> atPrecision(p, budget)), "joint", budget);
    }

    /**
     * The best P and D for a model of fixed size (an over-trained family); D spends the budget.
     *
     * @param params N in parameters, {@code > 0}
     * @param budget the budget, {@code > 0}
     * @throws IllegalArgumentException if an argument is {@code <= 0} or nothing feasible spends the budget
     */
    public Optimum fixedParams(double params, double budget) {
        requirePositive(params, "params");
        requirePositive(budget, "budget");
        return require(overPrecision(p -> evaluate(params, cost.tokensFor(params, p, budget), p)),
                "N fixed at " + params, budget);
    }

    /**
     * The best P and N for a fixed number of tokens; N spends the budget.
     *
     * @param tokens D in tokens, {@code > 0}
     * @param budget the budget, {@code > 0}
     * @throws IllegalArgumentException if an argument is {@code <= 0} or nothing feasible spends the budget
     */
    public Optimum fixedTokens(double tokens, double budget) {
        requirePositive(tokens, "tokens");
        requirePositive(budget, "budget");
        return require(overPrecision(p -> evaluate(cost.paramsFor(tokens, p, budget), tokens, p)),
                "D fixed at " + tokens, budget);
    }

    /** A candidate: the point and its loss (+infinity when infeasible), and whether a search hit an edge. */
    private record Candidate(Point point, double loss, boolean edge) {
        static final Candidate NONE = new Candidate(null, Double.POSITIVE_INFINITY, false);
    }

    private Candidate evaluate(double n, double d, double p) {
        if (!(n > 0) || !(d > 0) || !Double.isFinite(n) || !Double.isFinite(d)) {
            return Candidate.NONE;
        }
        Point pt = new Point(n, d, p);
        if (!space.admits(pt)) {
            return Candidate.NONE;
        }
        double l = surface.loss(pt);
        return Double.isFinite(l) ? new Candidate(pt, l, false) : Candidate.NONE;
    }

    private Candidate atPrecision(double bits, double budget) {
        double lo = Math.log(space.minParams());
        double hi = Math.log(space.maxParamsAt(bits));
        if (!(hi >= lo)) {
            return Candidate.NONE;
        }
        Minimizer.Result r = Minimizer.minimize(
                logN -> evaluate(Math.exp(logN), cost.tokensFor(Math.exp(logN), bits, budget), bits).loss(), lo, hi);
        if (Double.isNaN(r.x())) {
            return Candidate.NONE;
        }
        double n = Math.exp(r.x());
        Candidate c = evaluate(n, cost.tokensFor(n, bits, budget), bits);
        return new Candidate(c.point(), c.loss(), r.atEdge());
    }

    /** The best candidate over P: the menu's entries, or the continuous range. */
    private Candidate overPrecision(DoubleFunction<Candidate> at) {
        if (!space.menu().isEmpty()) {
            Candidate best = Candidate.NONE;
            for (double p : space.menu()) {
                Candidate c = at.apply(p);
                if (c.loss() < best.loss()) {
                    best = c;
                }
            }
            return best;
        }
        Minimizer.Result r = Minimizer.minimize(p -> at.apply(p).loss(), space.minBits(), space.maxBits());
        if (Double.isNaN(r.x())) {
            return Candidate.NONE;
        }
        Candidate c = at.apply(r.x());
        return new Candidate(c.point(), c.loss(), c.edge() || r.atEdge());
    }

    private Optimum require(Candidate c, String problem, double budget) {
        if (c.point() == null) {
            throw new IllegalArgumentException("no configuration in the search space spends " + budget + " ("
                    + cost.describe() + ") inside the law's domain for the problem '" + problem + "'");
        }
        List<String> notes = new ArrayList<>();
        if (c.edge()) {
            notes.add("the optimum lies on a bound of the search space (N in [" + space.minParams() + ", "
                    + space.maxParams() + "], P in [" + space.minBits() + ", " + space.maxBits()
                    + "] bits, memory cap " + space.memoryCapBits() + " bits): it is a bound, not an interior optimum");
        }
        return new Optimum(problem, c.point(), c.loss(), cost.cost(c.point()), notes);
    }

    private static void requirePositive(double x, String what) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + x);
        }
    }
}
