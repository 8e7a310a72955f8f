package dev.prec.lang.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of fitting a law to runs.
 *
 * <p>For engines drawing or propagating uncertainty (a plot's band, an optimum's interval): with
 * {@code bootstrap: n} the fit keeps every resample's parameters. {@link #sampleLaws()} gives the law
 * at each of them, and {@link #lossInterval(Map)} the percentile interval of the predicted loss at
 * one point; both are empty without a bootstrap.
 *
 * @param law the law with its fitted parameter values
 * @param estimates one estimate per parameter, in the law's parameter order
 * @param statistics goodness of fit and bookkeeping (points used, residual error, ...)
 * @param bootstrap the resamples' parameter values, when the fit was bootstrapped
 */
public record FitResult(LawValue law, List<Estimate> estimates, RecordValue statistics,
                        Optional<BootstrapSamples> bootstrap) implements Value {

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
        if (law == null || statistics == null || bootstrap == null) {
            throw new IllegalArgumentException("law, statistics and bootstrap (possibly empty) are required");
        }
        estimates = List.copyOf(estimates);
    }

    /** A fit without bootstrap samples. */
    public FitResult(LawValue law, List<Estimate> estimates, RecordValue statistics) {
        this(law, estimates, statistics, Optional.empty());
    }

    /**
     * The law at each bootstrap sample's parameter values, in resample order: evaluate each with
     * {@code s.form().loss(variables, s.values())} to draw a band. Empty without a bootstrap.
     */
    public List<LawValue> sampleLaws() {
        return bootstrap.map(b -> b.samples().stream().map(this::lawAt).toList()).orElse(List.of());
    }

    /**
     * The percentile interval ({@link BootstrapSamples#level()}) of the predicted loss at one point,
     * over the bootstrap samples.
     *
     * @param variables a value for every variable of the law
     * @return empty without a bootstrap, or when fewer than 2 samples predict a finite loss there
     */
    public Optional<BootstrapSamples.Interval> lossInterval(Map<String, Double> variables) {
        return bootstrap.flatMap(b -> b.interval(sample -> law.form().loss(variables, merged(sample))));
    }

    private LawValue lawAt(Map<String, Double> sample) {
        return law.withValues(merged(sample));
    }

    /** The fitted values overridden by a sample's (fixed parameters stay at their values). */
    private Map<String, Double> merged(Map<String, Double> sample) {
        Map<String, Double> m = new LinkedHashMap<>(law.values());
        m.putAll(sample);
        return m;
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.FIT);
    }
}
