package dev.prec.lang.builtin;

import dev.prec.lang.value.Type;
import dev.prec.lang.value.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options each action accepts in its {@code with { ... }} record, and the axes a sweep may vary.
 * The checker rejects other names with a suggestion; an engine reads only these. An engine that
 * grows an option adds it here.
 */
public final class ActionOptions {
    private ActionOptions() {
    }

    private static final Type NUM = Type.NUMBER;

    /** Options of {@code train ... with {...}}; each may also be a sweep axis. */
    public static final List<Option> TRAIN = List.of(
            new Option("lr", NUM, "peak learning rate"),
            new Option("batch", NUM, "sequences per optimiser step"),
            new Option("schedule", Type.of(Type.Kind.SCHEDULE), "learning-rate schedule, e.g. cosine(warmup: 10%)"),
            new Option("weight_decay", NUM, "AdamW weight decay"),
            new Option("beta1", NUM, "AdamW beta1"),
            new Option("beta2", NUM, "AdamW beta2"),
            new Option("eps", NUM, "AdamW epsilon"),
            new Option("grad_clip", NUM, "global gradient-norm clip; 0 turns it off"),
            new Option("eval_batches", NUM, "validation batches for the final loss"),
            new Option("threads", NUM, "trainer threads; 0 uses every core"),
            new Option("seed", NUM, "seed of initialisation and data order"),
            new Option("tokens", Type.number(Unit.TOKENS), "training tokens D"),
            new Option("precision", Type.of(Type.Kind.PRECISION), "training precision"),
            new Option("quantize_queries", Type.BOOL, "also quantize attention queries"),
            new Option("store", Type.STRING, "run store file, relative to the script; default .prec/runs.db beside it"),
            new Option("executor", Type.STRING, "where runs train: \"local\" (default) or \"spark\" (docs/cluster.md)"),
            new Option("master", Type.STRING, "the executor's master URL, e.g. \"spark://host:7077\""));

    /** Train options that choose where runs train rather than what they are: never sweep axes. */
    private static final java.util.Set<String> ENGINE_OPTIONS = java.util.Set.of("store", "executor", "master");

    /** Axes a sweep may vary: the model plus every training option. */
    public static final List<Option> SWEEP_AXES;

    static {
        List<Option> axes = new ArrayList<>();
        axes.add(new Option("model", Type.of(Type.Kind.MODEL), "the model or family"));
        TRAIN.stream().filter(o -> !ENGINE_OPTIONS.contains(o.name())).forEach(axes::add);
        SWEEP_AXES = List.copyOf(axes);
    }

    /** Options of {@code fit ... with {...}}. */
    public static final List<Option> FIT = List.of(
            new Option("start_grid", NUM, "starting points per parameter of the multi-start search"),
            new Option("bootstrap", NUM, "bootstrap resamples for the intervals; 0 for none"),
            new Option("loss", Type.STRING, "objective: \"huber\" (on log loss, as Chinchilla) or \"mse\""),
            new Option("huber_delta", NUM, "Huber threshold"),
            new Option("seed", NUM, "seed of the bootstrap"),
            new Option("fixed", new Type.Rec(java.util.Map.of()), "parameters held at given values"),
            new Option("max_iterations", NUM, "iteration limit of each local fit"),
            new Option("target", Type.STRING, "the column the law predicts; default \"loss\""),
            new Option("rollout", NUM, "share of the largest N (or first variable) held out and predicted, in (0, 1)"));

    /** Options of {@code optimize ... with {...}}. */
    public static final List<Option> OPTIMIZE = List.of(
            new Option("cost", Type.ANY, "cost model: \"bitflops\" ((6/16) N D P), \"flops\" (6 N D), \"inference\" (bit-FLOPs plus serving) or a function of (N, D, P), e.g. a guest fn"),
            new Option("fixed_params", Type.number(Unit.PARAMS), "hold N at this value"),
            new Option("fixed_tokens", Type.number(Unit.TOKENS), "hold D at this value"),
            new Option("menu", new Type.ListOf(Type.of(Type.Kind.PRECISION)), "precisions to choose among"),
            new Option("min_bits", Type.number(Unit.BITS), "lowest precision considered"),
            new Option("max_bits", Type.number(Unit.BITS), "highest precision considered"),
            new Option("fixed_bits", Type.number(Unit.BITS), "hold the training precision P at this value"),
            new Option("served_tokens", Type.number(Unit.TOKENS), "tokens served after training, charged (2/16) N P each"),
            new Option("memory_cap", Type.number(Unit.BITS), "largest N * P allowed, in bits"),
            new Option("at", new Type.Rec(java.util.Map.of()), "values of the law's other variables, e.g. {P_post: 4}"));

    /** Options of {@code plot ... with {...}}. */
    public static final List<Option> PLOT = List.of(
            new Option("title", Type.STRING, "the figure's heading, replacing the one the kind writes"),
            new Option("log_x", Type.BOOL, "logarithmic (true) or linear (false) x axis, replacing the kind's choice"),
            new Option("log_y", Type.BOOL, "logarithmic (true) or linear (false) y axis, replacing the kind's choice"),
            new Option("x", Type.STRING, "the loss figure's horizontal axis: \"N\" (default) or \"D\""),
            new Option("kind", Type.STRING, "the figure: loss, fit, neff, ptq, contours, bits_vs_budget,"
                    + " bits_vs_tokens_per_param, curves (docs/plots.md)"),
            new Option("width", NUM, "image width in pixels"),
            new Option("height", NUM, "image height in pixels"),
            new Option("params", NUM, "N held fixed by the ptq and bits_vs_tokens_per_param figures"),
            new Option("tokens", NUM, "D of the iso-loss contours"),
            new Option("levels", new Type.ListOf(NUM), "loss levels of the iso-loss contours (nats per token)"),
            new Option("budget_from", NUM, "first budget of a P* sweep (bit-FLOPs)"),
            new Option("budget_to", NUM, "last budget of a P* sweep (bit-FLOPs)"),
            new Option("points", NUM, "budgets in a P* sweep"),
            new Option("band", Type.BOOL, "draw the bootstrap band of a bootstrapped fit (default true)"));

    /** Options of {@code report to "file.html" with {...}}. */
    public static final List<Option> REPORT = List.of(
            new Option("title", Type.STRING, "the page's title (default: Report of SCRIPT)"),
            new Option("source", Type.BOOL, "show the script's source (default true)"));

    public static Optional<Option> find(List<Option> options, String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public static List<String> names(List<Option> options) {
        return options.stream().map(Option::name).toList();
    }
}
