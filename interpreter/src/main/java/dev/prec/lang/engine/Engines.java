package dev.prec.lang.engine;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The engines a pipeline may use; each is optional. Immutable: {@code withXxx} returns a copy.
 *
 * @param train trains sweeps
 * @param quantize post-training quantization
 * @param fit fits laws
 * @param laws the built-in law catalog
 * @param optimize the compute-optimal solver
 * @param plot draws plots
 * @param report writes the page of a run
 */
public record Engines(Optional<TrainEngine> train, Optional<QuantizeEngine> quantize, Optional<FitEngine> fit,
                      Optional<LawCatalog> laws, Optional<OptimizeEngine> optimize, Optional<PlotEngine> plot,
                      Optional<ReportEngine> report) {

    public Engines {
        if (train == null || quantize == null || fit == null || laws == null || optimize == null || plot == null
                || report == null) {
            throw new IllegalArgumentException("use Optional.empty() for an absent engine, not null");
        }
    }

    /** No engines: declarations, arithmetic, print, assert, plan and export still work. */
    public static Engines none() {
        return new Engines(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The engines registered with {@link ServiceLoader} on the class path (the first of each kind). */
    public static Engines installed() {
        ClassLoader loader = Engines.class.getClassLoader();
        return new Engines(first(TrainEngine.class, loader), first(QuantizeEngine.class, loader),
                first(FitEngine.class, loader), first(LawCatalog.class, loader),
                first(OptimizeEngine.class, loader), first(PlotEngine.class, loader),
                first(ReportEngine.class, loader));
    }

    private static <T> Optional<T> first(Class<T> type, ClassLoader loader) {
        return ServiceLoader.load(type, loader).findFirst();
    }

    public Engines withTrain(TrainEngine e) {
        return new Engines(Optional.of(e), quantize, fit, laws, optimize, plot, report);
    }

    public Engines withQuantize(QuantizeEngine e) {
        return new Engines(train, Optional.of(e), fit, laws, optimize, plot, report);
    }

    public Engines withFit(FitEngine e) {
        return new Engines(train, quantize, Optional.of(e), laws, optimize, plot, report);
    }

    public Engines withLaws(LawCatalog e) {
        return new Engines(train, quantize, fit, Optional.of(e), optimize, plot, report);
    }

    public Engines withOptimize(OptimizeEngine e) {
        return new Engines(train, quantize, fit, laws, Optional.of(e), plot, report);
    }

    public Engines withPlot(PlotEngine e) {
        return new Engines(train, quantize, fit, laws, optimize, Optional.of(e), report);
    }

    public Engines withReport(ReportEngine e) {
        return new Engines(train, quantize, fit, laws, optimize, plot, Optional.of(e));
    }

    /** True when the engine behind {@code capability} is present. */
    public boolean has(Capability capability) {
        return switch (capability) {
            case TRAINER -> train.isPresent();
            case QUANTIZER -> quantize.isPresent();
            case FITTER -> fit.isPresent();
            case LAWS -> laws.isPresent();
            case OPTIMIZER -> optimize.isPresent();
            case PLOTTER -> plot.isPresent();
            case REPORTER -> report.isPresent();
        };
    }
}
