package dev.prec.lang.bind.plot;

import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.PlotEngine;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.value.BootstrapSamples;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Value;
import dev.prec.optimize.Point;
import dev.prec.plot.Chart;
import dev.prec.plot.ChartWriter;
import java.util.List;
import java.util.Optional;

/**
 * The plot engine: {@code plot SUBJECT [against RUNS] to "file.png|svg" [with { kind: ..., ... }]}.
 * Without {@code kind}, a run table draws loss against N, a law or fit with runs draws loss against N
 * with fitted curves, a law alone draws its N_eff / N (or delta_PTQ when it has P_post).
 */
public final class ChartEngine implements PlotEngine {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public ChartEngine() {
    }

    @Override
    public PlotFile plot(Request request, ActionContext context) {
        PlotOptions o = PlotOptions.read(request.options());
        Chart chart = o.look().apply(chart(request.subject(), request.against(), o));
        context.checkCancelled();
        ChartWriter.write(chart, request.file(), o.size());
        context.report(new ProgressEvent("plot", 1, 1, chart.title() + " -> " + request.file()));
        return new PlotFile(request.file());
    }

    /**
     * @throws IllegalArgumentException when the subject cannot be drawn as the kind asked
     */
    static Chart chart(Value subject, Optional<Value> against, PlotOptions o) {
        Optional<LawValue> law = lawOf(subject);
        Optional<RunTable> runs = subject instanceof RunTable t ? Optional.of(t)
                : against.filter(RunTable.class::isInstance).map(RunTable.class::cast);
        law.ifPresent(l -> {
            if (!l.isFitted()) {
                throw new IllegalArgumentException("law '" + l.name() + "' has no parameter values yet; fit it first");
            }
        });
        String kind = o.kind().orElseGet(() -> defaultKind(law, runs, against));
        refuseIgnoredAgainst(kind, subject, against);
        return switch (kind) {
            case "loss" -> LossFigures.lossAgainst(Observation.of(need(runs, kind)), law, o.x(), samples(subject, o),
                    level(subject));
            case "fit" -> LossFigures.fittedAgainstObserved(Observation.of(need(runs, kind)), need(law, kind));
            case "neff" -> PlanningFigures.effectiveParams(need(law, kind));
            case "ptq" -> PlanningFigures.ptqDegradation(need(law, kind), against.flatMap(ChartEngine::lawOf), o.params());
            case "contours" -> {
                Optional<OptimumValue> best = against.filter(OptimumValue.class::isInstance).map(OptimumValue.class::cast);
                double tokens = best.map(b -> field(b, "tokens")).orElse(o.tokens());
                yield PlanningFigures.contours(need(law, kind), tokens, o.levels(),
                        best.map(b -> new Point(field(b, "params"), field(b, "tokens"), field(b, "bits"))));
            }
            case "bits_vs_budget" -> PlanningFigures.optimalBits(need(law, kind), o.budgets().values(), Optional.empty(),
                    samples(subject, o), level(subject));
            case "bits_vs_tokens_per_param" -> PlanningFigures.optimalBits(need(law, kind), o.budgets().values(),
                    Optional.of(o.params()), samples(subject, o), level(subject));
            case "curves" -> CurveFigures.curves(need(runs, kind));
            default -> throw new IllegalArgumentException("unknown plot kind '" + kind + "'");
        };
    }

    /**
     * Bootstrap samples a band is computed from, at most: resamples are independent draws, so the first 200
     * are a fair subset, and 200 samples place a 95% percentile interval's ends within about a sample's
     * spacing while keeping a P* frontier of 25 budgets to 5000 solves.
     */
    static final int BAND_SAMPLES = 200;

    /** The subject's law at each bootstrap sample of its fit (empty without one, or with {@code band: false}). */
    private static List<LawValue> samples(Value subject, PlotOptions o) {
        List<LawValue> all = subject instanceof FitResult f && o.band() ? f.sampleLaws() : List.of();
        return all.size() < 2 ? List.of() : all.size() > BAND_SAMPLES ? all.subList(0, BAND_SAMPLES) : all;
    }

    private static double level(Value subject) {
        return subject instanceof FitResult f ? f.bootstrap().map(BootstrapSamples::level).orElse(0.95) : 0.95;
    }

    private static Optional<LawValue> lawOf(Value v) {
        return switch (v) {
            case LawValue l -> Optional.of(l);
            case FitResult f -> Optional.of(f.law());
            default -> Optional.empty();
        };
    }

    private static String defaultKind(Optional<LawValue> law, Optional<RunTable> runs, Optional<Value> against) {
        if (runs.isPresent()) {
            return "loss";
        }
        if (law.isPresent() && against.isPresent() && against.get() instanceof OptimumValue) {
            return "contours";
        }
        if (law.isPresent()) {
            return law.get().variables().contains("P_post") ? "ptq" : "neff";
        }
        throw new IllegalArgumentException("plot draws a law, a fit result or a run table (or an optimum against a law"
                + " with kind: \"contours\")");
    }

    /**
     * Refuses a value after {@code against} that the figure would not draw, so nothing a script names is
     * silently dropped (the checker applies the same rules to what it can see: dev.prec.lang.check.PlotChecker).
     */
    private static void refuseIgnoredAgainst(String kind, Value subject, Optional<Value> against) {
        if (against.isEmpty()) {
            return;
        }
        Value a = against.get();
        boolean used = switch (kind) {
            case "loss" -> !(subject instanceof RunTable) && a instanceof RunTable;
            case "fit", "curves" -> a instanceof RunTable;
            case "ptq" -> lawOf(a).isPresent();
            case "contours" -> a instanceof OptimumValue;
            default -> false;
        };
        if (!used) {
            String what = a.type().describe();
            throw new IllegalArgumentException("plot kind '" + kind + "' does not draw "
                    + ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what + " given after 'against'");
        }
    }

    private static <T> T need(Optional<T> value, String kind) {
        return value.orElseThrow(() -> new IllegalArgumentException("plot kind '" + kind + "' needs "
                + switch (kind) {
                    case "loss", "curves" -> "a run table (as the subject or after 'against')";
                    case "fit" -> "a fitted law or fit result against a run table";
                    default -> "a fitted law or fit result as the subject";
                }));
    }

    private static double field(OptimumValue best, String name) {
        return best.fields().get(name).filter(NumberValue.class::isInstance).map(v -> ((NumberValue) v).value())
                .orElseThrow(() -> new IllegalArgumentException("the optimum has no number '" + name + "'"));
    }
}
