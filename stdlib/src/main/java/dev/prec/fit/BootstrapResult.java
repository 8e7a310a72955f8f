package dev.prec.fit;

import java.util.Map;

/**
 * Bootstrap intervals of a fit.
 *
 * @param resamples resamples drawn
 * @param failed resamples whose refit did not converge (they are left out of the intervals)
 * @param parameters interval per fitted parameter, in the law's order
 * @param derived interval per derived quantity, in the order the callback returned them
 * @param seed the seed of the resampling
 */
public record BootstrapResult(int resamples, int failed, Map<String, Interval> parameters,
                              Map<String, Interval> derived, long seed) {
    public BootstrapResult {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        derived = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derived));
    }
}
