package dev.prec.optimize;

import dev.prec.law.Expr;
import java.util.Objects;
import java.util.Set;

/**
 * What a training configuration costs. Every model must increase strictly with N and with D at
 * fixed other coordinates, which makes "the D (or N) that spends the budget" unique.
 */
public sealed interface CostModel permits CostModel.BitFlops, CostModel.Flops, CostModel.WithInference,
        CostModel.Expression, CostModel.Custom {

    /** The paper's C = (6/16) N D P bit-FLOPs: Chinchilla's 6 N D at 16 bits, linear in bits. */
    record BitFlops() implements CostModel {
    }

    /** Plain C = 6 N D FLOPs; precision is free. */
    record Flops() implements CostModel {
    }

    /**
     * Training plus serving, in bit-FLOPs: (6/16) N D P + (2/16) N P T, with T tokens served at the
     * training precision (a forward pass costs 2 N FLOPs per token; inference cost ~ N P).
     *
     * @param servedTokens T, tokens generated over the model's life, finite and {@code >= 0}
     */
    record WithInference(double servedTokens) implements CostModel {
        public WithInference {
            if (!(servedTokens >= 0) || !Double.isFinite(servedTokens)) {
                throw new IllegalArgumentException("served tokens must be finite and >= 0, got " + servedTokens);
            }
        }
    }

    /**
     * A user-written cost over the variables {@code N}, {@code D} and {@code P} (a law expression
     * without parameters), e.g. compiled from a script.
     *
     * @param cost the expression; its variables must be among N, D, P and it must have no parameters
     */
    record Expression(Expr cost) implements CostModel {
        public Expression {
            Objects.requireNonNull(cost, "cost");
            if (!cost.parameters().isEmpty()) {
                throw new IllegalArgumentException("a cost expression has no parameters, got " + cost.parameters());
            }
            if (!Set.of("N", "D", "P").containsAll(cost.variables())) {
                throw new IllegalArgumentException("a cost expression reads only N, D and P, got " + cost.variables());
            }
        }
    }

    /**
     * A cost computed by code outside the law language (a script's guest function, a host callback).
     * Like every model it must increase strictly with N and with D; {@link #tokensFor} and
     * {@link #paramsFor} find the spending coordinate numerically, as for {@link Expression}.
     *
     * @param name the name shown in tables and messages
     * @param cost the cost of a point, in whatever unit the budget is given in
     */
    record Custom(String name, java.util.function.ToDoubleFunction<Point> cost) implements CostModel {
        public Custom {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cost, "cost");
        }
    }

    /** (6/16): bit-FLOPs per parameter-token-bit. */
    double BITFLOPS_PER_NDP = 6.0 / 16.0;

    /**
     * The cost of {@code p}: FLOPs for {@link Flops}, bit-FLOPs for the others (an expression's unit
     * is whatever its author meant).
     */
    default double cost(Point p) {
        return switch (this) {
            case BitFlops b -> BITFLOPS_PER_NDP * p.params() * p.tokens() * p.bits();
            case Flops f -> 6.0 * p.params() * p.tokens();
            case WithInference w -> p.params() * p.bits() * (BITFLOPS_PER_NDP * p.tokens() + w.servedTokens() / 8.0);
            case Expression e -> CostRoots.evaluate(e.cost(), p);
            case Custom c -> c.cost().applyAsDouble(p);
        };
    }

    /**
     * The tokens D that spend {@code budget} at model size N and precision P.
     *
     * @param params N, {@code > 0}
     * @param bits P, {@code > 0}
     * @param budget the budget in this model's unit, {@code > 0}
     * @return D, or NaN when no positive D spends exactly the budget (N P alone exceeds it)
     */
    default double tokensFor(double params, double bits, double budget) {
        return switch (this) {
            case BitFlops b -> budget / (BITFLOPS_PER_NDP * params * bits);
            case Flops f -> budget / (6.0 * params);
            case WithInference w -> positiveOrNaN((budget / (params * bits) - w.servedTokens() / 8.0) / BITFLOPS_PER_NDP);
            case Expression _, Custom _ -> CostRoots.solve(d -> cost(new Point(params, d, bits)), budget);
        };
    }

    /**
     * The model size N that spends {@code budget} with D tokens at precision P.
     *
     * @param tokens D, {@code > 0}
     * @param bits P, {@code > 0}
     * @param budget the budget in this model's unit, {@code > 0}
     * @return N, or NaN when no positive N spends exactly the budget
     */
    default double paramsFor(double tokens, double bits, double budget) {
        return switch (this) {
            case BitFlops b -> budget / (BITFLOPS_PER_NDP * tokens * bits);
            case Flops f -> budget / (6.0 * tokens);
            case WithInference w -> budget / (bits * (BITFLOPS_PER_NDP * tokens + w.servedTokens() / 8.0));
            case Expression _, Custom _ -> CostRoots.solve(n -> cost(new Point(n, tokens, bits)), budget);
        };
    }

    /** A short name for tables and messages. */
    default String describe() {
        return switch (this) {
            case BitFlops b -> "bit-FLOPs (6/16) N D P";
            case Flops f -> "FLOPs 6 N D";
            case WithInference w -> "bit-FLOPs (6/16) N D P + (2/16) N P T, T = " + w.servedTokens();
            case Expression e -> e.cost().print();
            case Custom c -> c.name();
        };
    }

    private static double positiveOrNaN(double x) {
        return x > 0 && Double.isFinite(x) ? x : Double.NaN;
    }
}
