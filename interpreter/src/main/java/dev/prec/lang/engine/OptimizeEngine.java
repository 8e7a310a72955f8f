package dev.prec.lang.engine;

import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.RecordValue;
import java.util.Optional;

/** Finds the compute-optimal (N, D, P) of a fitted law for a budget ({@code optimize law for budget ...}). */
public interface OptimizeEngine {

    /**
     * An optimization request.
     *
     * @param law a fitted law
     * @param budget the budget, in {@code flops} or {@code bitflops}
     * @param options cost model and constraints ({@code fixed_params}, {@code fixed_tokens}, {@code menu}, ...)
     * @param fit the fit {@code law} came from, when it came from one: with its bootstrap samples the
     *     optimum gets intervals
     */
    record Request(LawValue law, NumberValue budget, RecordValue options, Optional<FitResult> fit) {
        public Request {
            if (law == null || budget == null || options == null || fit == null) {
                throw new IllegalArgumentException("law, budget, options and fit (possibly empty) are required");
            }
        }

        /** A request for a law that did not come from a fit. */
        public Request(LawValue law, NumberValue budget, RecordValue options) {
            this(law, budget, options, Optional.empty());
        }
    }

    /**
     * @return the optimum: {@code params}, {@code tokens}, {@code precision}, {@code loss} and intervals
     * @throws IllegalArgumentException when the law is unfitted or the budget has the wrong unit
     */
    OptimumValue optimize(Request request, ActionContext context);
}
