package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * An action that produces a value: {@code train}, {@code quantize}, {@code fit}, {@code predict},
 * {@code optimize}, {@code plan}. Each is bound to an engine at evaluation time; the checker accepts
 * an action whose engine is absent and the evaluator names the missing capability.
 */
public sealed interface Action extends Expr
        permits Action.Train, Action.Quantize, Action.Fit, Action.Predict, Action.Optimize, Action.Plan {

    /** The action's keyword as written in a script, e.g. {@code "train"}. */
    String keyword();

    /**
     * {@code train grid on lang with { lr: 3e-3, batch: 32 }}.
     *
     * @param sweep the sweep (or model, or list of configurations) to train
     * @param data the data to train on
     * @param options training options, if given
     * @param span the whole action
     */
    record Train(Expr sweep, Expr data, Optional<Expr> options, Span span) implements Action {
        public Train {
            Objects.requireNonNull(sweep, "sweep");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "train";
        }
    }

    /**
     * {@code quantize runs to [int(3), int(4)] using gptq(group: 64)}.
     *
     * @param runs the trained runs whose weights are quantized
     * @param formats the target format or list of formats
     * @param method the method ({@code rtn}, {@code gptq(...)}), if given
     * @param span the whole action
     */
    record Quantize(Expr runs, Expr formats, Optional<Expr> method, Span span) implements Action {
        public Quantize {
            Objects.requireNonNull(runs, "runs");
            Objects.requireNonNull(formats, "formats");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "quantize";
        }
    }

    /**
     * {@code fit chinchilla(tie: true) to runs where precision == bf16 with { bootstrap: 1000 }}.
     * The {@code where} clause is represented as an {@link Expr.Where} around {@code data}.
     *
     * @param law the law to fit
     * @param data the table fitted to, possibly filtered
     * @param options fitting options, if given
     * @param span the whole action
     */
    record Fit(Expr law, Expr data, Optional<Expr> options, Span span) implements Action {
        public Fit {
            Objects.requireNonNull(law, "law");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "fit";
        }
    }

    /**
     * {@code predict prec at { N: 1B, D: 20B tokens, Pw: 4 }}; list values make a grid.
     *
     * @param law the (fitted or built-in) law
     * @param point the values of the law's variables
     * @param span the whole action
     */
    record Predict(Expr law, Expr point, Span span) implements Action {
        public Predict {
            Objects.requireNonNull(law, "law");
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "predict";
        }
    }

    /**
     * {@code optimize prec for budget 1e15 bitflops with { precisions: [4, 8, 16] }}.
     *
     * @param law the law whose predicted loss is minimized
     * @param budget the compute budget
     * @param options cost model, fixed N or D, precision menu, if given
     * @param span the whole action
     */
    record Optimize(Expr law, Expr budget, Optional<Expr> options, Span span) implements Action {
        public Optimize {
            Objects.requireNonNull(law, "law");
            Objects.requireNonNull(budget, "budget");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "optimize";
        }
    }

    /**
     * {@code plan train grid on lang}: the cost and time of an action (or sweep) without running it.
     *
     * @param target what is planned
     * @param span the whole action
     */
    record Plan(Expr target, Span span) implements Action {
        public Plan {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "plan";
        }
    }
}
