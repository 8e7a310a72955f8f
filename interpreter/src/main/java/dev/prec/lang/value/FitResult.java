package dev.prec.lang.value;

import java.util.List;

/**
 * The outcome of fitting a law to runs.
 *
 * @param law the law with its fitted parameter values
 * @param estimates one estimate per parameter, in the law's parameter order
 * @param statistics goodness of fit and bookkeeping (points used, residual error, ...)
 */
public record FitResult(LawValue law, List<Estimate> estimates, RecordValue statistics) implements Value {

    /**
     * A fitted parameter with its interval.
     *
     * @param name the parameter
     * @param value the point estimate
     * @param lower lower end of the 95% interval, {@code lower <= value}
     * @param upper upper end of the 95% interval, {@code upper >= value}
     * @param boundHit true when the estimate sits on one of the parameter's bounds
     */
    public record Estimate(String name, double value, double lower, double upper, boolean boundHit) {
        public Estimate {
            if (name == null) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }

    public FitResult {
        if (law == null || statistics == null) {
            throw new IllegalArgumentException("law and statistics are required");
        }
        estimates = List.copyOf(estimates);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.FIT);
    }
}
