package dev.prec.lang.engine;

import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;

/** Fits a law's parameters to runs ({@code fit law to runs with {...}}). */
public interface FitEngine {

    /**
     * A fit request.
     *
     * @param law the law (its variables name columns of the runs)
     * @param data the runs to fit
     * @param options fitter options ({@code start_grid}, {@code bootstrap}, ...)
     */
    record Request(LawValue law, RunTable data, RecordValue options) {
        public Request {
            if (law == null || data == null || options == null) {
                throw new IllegalArgumentException("law, data and options are required");
            }
        }
    }

    /**
     * @return the fitted law with intervals
     * @throws IllegalArgumentException when the runs lack a variable of the law or are too few
     */
    FitResult fit(Request request, ActionContext context);
}
