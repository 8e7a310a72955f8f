package dev.prec.lang.engine;

import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.RecordValue;

/** Finds the compute-optimal (N, D, P) of a fitted law for a budget ({@code optimize law for budget ...}). */
public interface OptimizeEngine {

    /**
     * An optimization request.
     *
     * @param law a fitted law
     * @param budget the budget, in {@code flops} or {@code bitflops}
     * @param options cost model and constraints ({@code fixed_params}, {@code fixed_tokens}, {@code menu}, ...)
     */
    record Request(LawValue law, NumberValue budget, RecordValue options) {
        public Request {
            if (law == null || budget == null || options == null) {
                throw new IllegalArgumentException("law, budget and options are required");
            }
        }
    }

    /**
     * @return the optimum: {@code params}, {@code tokens}, {@code precision}, {@code loss} and intervals
     * @throws IllegalArgumentException when the law is unfitted or the budget has the wrong unit
     */
    OptimumValue optimize(Request request, ActionContext context);
}
