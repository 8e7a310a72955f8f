package dev.prec.lang.bind.fit;

import dev.prec.fit.Bootstrap;
import dev.prec.fit.BootstrapResult;
import dev.prec.fit.FitOptions;
import dev.prec.fit.Fitter;
import dev.prec.fit.Interval;
import dev.prec.fit.Rollout;
import dev.prec.fit.RolloutResult;
import dev.prec.law.Constraint;
import dev.prec.law.Expr;
import dev.prec.law.Law;
import dev.prec.law.Parameter;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.FitEngine;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.value.BootstrapSamples;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fit law to runs [with {...}]}: compiles the law ({@link LawCompiler}), takes its variables
 * and the target column ({@code loss}; {@code delta} for a law of {@code P_post} without training
 * precisions, such as {@code kumar2024.ptq}; or the option {@code target}) from the runs, and fits with {@link Fitter} (Huber on log residuals, multi-start
 * bounded L-BFGS, SCIENCE.md section 4). With {@code bootstrap: n} the intervals are percentile
 * intervals of {@code n} resamples of runs, and the result keeps every converged resample's
 * parameters ({@link FitResult#bootstrap()}); without, a parameter's interval is its point estimate
 * alone and the statistics say so.
 *
 * <p>Statistics: {@code points}, {@code dropped} (runs without a usable loss), {@code r2} and
 * {@code rmse} (of log loss), {@code objective}, {@code starts}, {@code converged},
 * {@code iterations}, {@code stop}, {@code intervals}, {@code warnings} (identifiability),
 * {@code provenance} (law expression, data fingerprint, options, seed, Java version) and, with
 * {@code rollout: f}, {@code rollout}: a refit without the largest share {@code f} of the distinct
 * {@code N} values (the first variable when the law has no N) and its error on the rows held out.
 */
public final class LawFitEngine implements FitEngine {

    /** Coverage of the reported intervals. */
    private static final double LEVEL = 0.95;
    /** Cap on the starting grid, whatever the points per parameter. */
    private static final int MAX_STARTS = 4096;
    /** A Huber threshold this large makes the objective squared log residuals (option {@code loss: "mse"}). */
    private static final double SQUARED_DELTA = 1e12;
    /** An estimate within this relative distance of a bound counts as on it. */
    private static final double BOUND_TOLERANCE = 1e-6;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public LawFitEngine() {
    }

    @Override
    public FitResult fit(Request request, ActionContext context) {
        LawValue value = request.law();
        RecordValue o = request.options();
        Law law = LawCompiler.compile(value);
        Map<String, Double> fixed = fixed(o);
        if (!fixed.isEmpty()) {
            law = law.withFixed(fixed);
        }
        List<String> columns = new ArrayList<>(law.variables());
        // A law of P_post without training precisions (kumar2024.ptq) predicts delta_PTQ, the quantize action's delta column.
        boolean degradation = law.variables().contains("P_post")
                && law.variables().stream().noneMatch(v -> List.of("P_w", "P_a", "P_kv").contains(v));
        String target = o.get("target").filter(v -> v instanceof StringValue).map(v -> ((StringValue) v).value())
                .orElse(degradation ? "delta" : "loss");
        columns.add(target);
        FitTable data = FitTable.of(request.data(), columns, law.parameters().size() + 1);
        FitOptions options = options(o).withTarget(target);
        context.checkCancelled();
        context.report(new ProgressEvent("fit", 0, 1, "fitting " + value.name() + " to " + data.table().rows() + " runs"));
        dev.prec.fit.FitResult fit = Fitter.fit(law, data.table(), options);
        context.checkCancelled();
        int resamples = (int) number(o, "bootstrap", 0);
        // The bootstrap hands each converged refit's values to the callback, in resample order; they
        // are kept so predictions, optima and plots of this fit can carry intervals.
        List<Map<String, Double>> samples = Collections.synchronizedList(new ArrayList<>());
        BootstrapResult boot = resamples >= 2 ? Bootstrap.run(fit, resamples, LEVEL, options.seed(), v -> {
            Map<String, Double> sample = new LinkedHashMap<>(fixed);
            sample.putAll(v);
            samples.add(sample);
            return Map.of();
        }) : null;
        RolloutResult rollout = null;
        if (o.get("rollout").isPresent()) {
            String by = law.variables().contains("N") ? "N" : law.variables().getFirst();
            rollout = Rollout.holdOutLargest(law, data.table(), options, Expr.variable(by), number(o, "rollout", 0));
        }
        context.report(new ProgressEvent("fit", 1, 1, value.name() + ": R^2 " + fit.quality().r2()));
        Map<String, Double> values = new LinkedHashMap<>(fixed);
        values.putAll(fit.values());
        List<FitResult.Estimate> estimates = new ArrayList<>();
        for (Parameter p : law.parameters()) {
            double v = fit.value(p.name());
            Interval i = boot == null ? null : boot.parameters().get(p.name());
            estimates.add(new FitResult.Estimate(p.name(), v, i == null ? v : Math.min(v, i.lo()),
                    i == null ? v : Math.max(v, i.hi()), onBound(p.constraint(), v)));
        }
        Optional<BootstrapSamples> kept = boot == null ? Optional.empty()
                : Optional.of(new BootstrapSamples(boot.resamples(), boot.failed(), LEVEL, boot.seed(), List.copyOf(samples)));
        return new FitResult(value.withValues(values), estimates, statistics(fit, data, boot, rollout), kept);
    }

    private static FitOptions options(RecordValue o) {
        FitOptions f = FitOptions.defaults();
        if (o.get("start_grid").isPresent()) {
            f = f.withGrid((int) number(o, "start_grid", 4), MAX_STARTS);
        }
        if (o.get("huber_delta").isPresent()) {
            f = f.withHuberDelta(number(o, "huber_delta", 1e-3));
        }
        if (o.get("loss").orElse(null) instanceof StringValue s) {
            switch (s.value()) {
                case "huber" -> { }
                case "mse" -> f = f.withHuberDelta(SQUARED_DELTA);
                default -> throw new IllegalArgumentException("loss is \"huber\" or \"mse\", not \"" + s.value() + "\"");
            }
        }
        if (o.get("seed").isPresent()) {
            f = f.withSeed((long) number(o, "seed", 0));
        }
        if (o.get("max_iterations").isPresent()) {
            f = f.withOptimizer(f.optimizer().withMaxIterations((int) number(o, "max_iterations", 1000)));
        }
        return f;
    }

    private static Map<String, Double> fixed(RecordValue o) {
        Map<String, Double> fixed = new LinkedHashMap<>();
        if (o.get("fixed").orElse(null) instanceof RecordValue r) {
            r.fields().forEach((k, v) -> {
                if (!(v instanceof NumberValue n)) {
                    throw new IllegalArgumentException("fixed parameter '" + k + "' needs a number");
                }
                fixed.put(k, n.value());
            });
        }
        return fixed;
    }

    private static double number(RecordValue o, String name, double fallback) {
        Value v = o.get(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        if (v instanceof NumberValue n && Double.isFinite(n.value())) {
            return n.value();
        }
        throw new IllegalArgumentException("option '" + name + "' needs a finite number");
    }

    private static boolean onBound(Constraint c, double v) {
        if (c instanceof Constraint.Bounded b) {
            double tol = BOUND_TOLERANCE * Math.max(1, b.hi() - b.lo());
            return v - b.lo() <= tol || b.hi() - v <= tol;
        }
        return false;
    }

    private static RecordValue statistics(dev.prec.fit.FitResult fit, FitTable data, BootstrapResult boot,
                                          RolloutResult rollout) {
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("points", NumberValue.of(fit.quality().rows()));
        s.put("dropped", NumberValue.of(data.dropped()));
        s.put("r2", NumberValue.of(fit.quality().r2()));
        s.put("rmse", NumberValue.of(fit.quality().rmse()));
        s.put("objective", NumberValue.of(fit.objective()));
        s.put("starts", NumberValue.of(fit.starts().starts()));
        s.put("converged", NumberValue.of(fit.starts().converged()));
        s.put("iterations", NumberValue.of(fit.convergence().iterations()));
        s.put("stop", new StringValue(fit.convergence().reason().name().toLowerCase(java.util.Locale.ROOT)));
        s.put("intervals", new StringValue(boot == null ? "none: add bootstrap: n for 95% intervals"
                : "95% percentile bootstrap, " + boot.resamples() + " resamples, " + boot.failed() + " failed"));
        s.put("warnings", new ListValue(fit.warnings().stream().map(w -> (Value) new StringValue(w)).toList()));
        if (rollout != null) {
            Map<String, Value> r = new LinkedHashMap<>();
            r.put("held_out_by", new StringValue(rollout.heldOutBy()));
            r.put("threshold", NumberValue.of(rollout.threshold()));
            r.put("held_out", NumberValue.of(rollout.heldOutRows()));
            r.put("outside_domain", NumberValue.of(rollout.outsideDomain()));
            r.put("rmse", NumberValue.of(rollout.rmse()));
            r.put("max_relative_error", NumberValue.of(rollout.maxAbsRelativeError()));
            s.put("rollout", new RecordValue(r));
        }
        dev.prec.fit.Provenance p = fit.provenance();
        Map<String, Value> pv = new LinkedHashMap<>();
        pv.put("law", new StringValue(p.lawName()));
        pv.put("expression", new StringValue(p.lawExpression()));
        pv.put("data", new StringValue(p.dataFingerprint()));
        pv.put("objective", new StringValue(p.objective()));
        pv.put("huber_delta", NumberValue.of(p.options().huberDelta()));
        pv.put("starts_per_parameter", NumberValue.of(p.options().gridPointsPerParameter()));
        pv.put("seed", NumberValue.of(p.options().seed()));
        pv.put("java", new StringValue(p.javaVersion()));
        s.put("provenance", new RecordValue(pv));
        return new RecordValue(s);
    }
}
