package dev.prec.lang.bind.plot;

import dev.prec.lang.value.LawValue;
import dev.prec.optimize.CostModel;
import dev.prec.optimize.CriticalData;
import dev.prec.optimize.Frontiers;
import dev.prec.optimize.LossSurface;
import dev.prec.optimize.Optimum;
import dev.prec.optimize.Point;
import dev.prec.optimize.PrecisionBinding;
import dev.prec.optimize.SearchSpace;
import dev.prec.optimize.Solver;
import dev.prec.plot.Axis;
import dev.prec.plot.Chart;
import dev.prec.plot.Mark;
import dev.prec.plot.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Figures of a fitted law's planning consequences: N_eff / N against bits, delta_PTQ against D / N,
 * iso-loss contours in (N, P), and the optimal precision against the budget and against D / N.
 */
final class PlanningFigures {
    /**
     * Post-training precision standing for "not quantized after training": exp(-P_post / gamma_post) is
     * below 1e-13 there for any published gamma_post (about 0.6), yet positive, so a law predicting the
     * degradation itself stays inside its domain (which excludes a zero prediction).
     */
    static final double UNQUANTIZED_BITS = 64;
    /** Post-training precisions drawn by the PTQ figure, bits. */
    static final double[] PTQ_BITS = {3, 4, 6, 8};
    /** Training precision of the PTQ figure, bits (the paper's PTQ runs train in bf16). */
    static final double TRAINING_BITS = 16;
    private static final String[] PARTS = {"w", "a", "kv"};
    private static final String[] PART_NAMES = {"weights", "activations", "KV cache"};

    private PlanningFigures() {
    }

    /**
     * N_eff / N = f_x(P) = 1 - exp(-P / gamma_x + n_x) for each part x the law has a gamma_x for.
     *
     * @throws IllegalArgumentException if the law has no gamma_w, gamma_a or gamma_kv
     */
    static Chart effectiveParams(LawValue law) {
        List<Series> series = new ArrayList<>();
        int points = 121;
        for (int k = 0; k < PARTS.length; k++) {
            Double gamma = law.values().get("gamma_" + PARTS[k]);
            if (gamma == null) {
                continue;
            }
            double offset = law.values().getOrDefault("n_" + PARTS[k], 0.0);
            double[] bits = new double[points];
            double[] ratio = new double[points];
            for (int i = 0; i < points; i++) {
                bits[i] = 1 + 15.0 * i / (points - 1);
                ratio[i] = 1 - Math.exp(-bits[i] / gamma + offset);
            }
            series.add(new Series(PART_NAMES[k] + " (gamma = " + Observation.format(gamma) + ")", bits, ratio, Mark.LINE));
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("law '" + law.name() + "' has no gamma_w, gamma_a or gamma_kv: it has no"
                    + " effective parameter count to draw");
        }
        return new Chart("Effective parameters per part (" + law.name() + ")", Axis.linear("precision P (bits)"),
                Axis.linear("N_eff / N"), series);
    }

    /**
     * delta_PTQ = L(N, D, P_post) - L(N, D, unquantized) against D / N at fixed N, one curve per
     * post-training precision, with each curve's D_crit as a dashed line: the D minimizing the loss after
     * quantization (Kumar et al. 2024, section 4). That loss is the law itself when it has a training
     * part (kumar2024.unified), else {@code base} plus the law (kumar2024.ptq predicts the degradation
     * alone); without either no D_crit is marked.
     *
     * @param law a law with the variable P_post
     * @param base the training law the degradation adds to, if given
     * @param params N, parameters
     * @throws IllegalArgumentException if the law has no variable P_post
     */
    static Chart ptqDegradation(LawValue law, Optional<LawValue> base, double params) {
        if (!law.variables().contains("P_post")) {
            throw new IllegalArgumentException("law '" + law.name() + "' has no post-training precision P_post");
        }
        boolean hasTraining = law.variables().stream().anyMatch(v -> !List.of("N", "D", "P_post").contains(v));
        Optional<ToDoubleFunction<Map<String, Double>>> total = hasTraining
                ? Optional.of(vars -> law.form().loss(vars, law.values()))
                : base.map(b -> vars -> b.form().loss(vars, b.values()) + law.form().loss(vars, law.values()));
        List<String> variables = new ArrayList<>(law.variables());
        base.filter(b -> !hasTraining).ifPresent(b -> b.variables().stream().filter(v -> !variables.contains(v))
                .forEach(variables::add));
        int points = 80;
        List<Series> series = new ArrayList<>();
        double top = 0;
        List<double[]> crits = new ArrayList<>();
        for (double bits : PTQ_BITS) {
            double[] ratio = new double[points];
            double[] delta = new double[points];
            for (int i = 0; i < points; i++) {
                ratio[i] = Math.pow(10, 4.0 * i / (points - 1));
                delta[i] = loss(law, params, ratio[i] * params, bits) - loss(law, params, ratio[i] * params, UNQUANTIZED_BITS);
                top = Double.isFinite(delta[i]) ? Math.max(top, delta[i]) : top;
            }
            series.add(new Series("P_post = " + Observation.format(bits) + " bits", ratio, delta, Mark.LINE));
            if (total.isPresent()) {
                LossSurface s = LossSurface.of(variables, total.get(),
                        PrecisionBinding.defaultFor(variables, Map.of("P_post", bits)));
                try {
                    crits.add(new double[] {bits, CriticalData.tokens(s, params, TRAINING_BITS, SearchSpace.defaults()) / params});
                } catch (IllegalArgumentException noMinimum) {
                    // No interior minimum of the loss in D: this precision has no critical data size to mark.
                }
            }
        }
        for (double[] c : crits) {
            series.add(Series.vertical("D_crit at " + Observation.format(c[0]) + " bits (D/N = "
                    + Observation.format(c[1]) + ")", c[1], 0, top));
        }
        return new Chart("Post-training quantization degradation at N = " + Observation.format(params),
                Axis.log("tokens per parameter D/N"), Axis.linear("delta_PTQ (nats/token)"), series);
    }

    private static double loss(LawValue law, double params, double tokens, double post) {
        Map<String, Double> vars = new HashMap<>();
        for (String v : law.variables()) {
            vars.put(v, TRAINING_BITS);
        }
        vars.put("N", params);
        vars.put("D", tokens);
        vars.put("P_post", post);
        return law.form().loss(vars, law.values());
    }

    /** The law as a surface over (N, D, P), post-training precision unquantized unless {@code fixed} says. */
    static LossSurface surface(LawValue law, Map<String, Double> fixed) {
        Map<String, Double> held = new HashMap<>();
        if (law.variables().contains("P_post")) {
            held.put("P_post", UNQUANTIZED_BITS);
        }
        held.putAll(fixed);
        return LossSurface.of(law.variables(), vars -> law.form().loss(vars, law.values()),
                PrecisionBinding.defaultFor(law.variables(), held));
    }

    /**
     * Iso-loss contours in (N, P) at fixed D, with the optimum marked when one is given.
     *
     * @param tokens D of the contours
     * @param levels loss levels, or empty to space six between the law's losses at N = 1e7 and 1e11 (16 bits)
     * @param optimum the point to mark, if any
     */
    static Chart contours(LawValue law, double tokens, List<Double> levels, Optional<Point> optimum) {
        LossSurface s = surface(law, Map.of());
        double[] lv;
        if (levels.isEmpty()) {
            double hi = s.loss(new Point(1e7, tokens, TRAINING_BITS));
            double lo = s.loss(new Point(1e11, tokens, TRAINING_BITS));
            lv = new double[6];
            for (int i = 0; i < lv.length; i++) {
                lv[i] = lo + (hi - lo) * (i + 0.5) / lv.length;
            }
        } else {
            lv = levels.stream().mapToDouble(Double::doubleValue).toArray();
        }
        int nBits = 61;
        double[] bits = new double[nBits];
        for (int i = 0; i < nBits; i++) {
            bits[i] = 2 + 14.0 * i / (nBits - 1);
        }
        double[] n = Frontiers.isoLoss(s, tokens, lv, bits, SearchSpace.defaults()).column("N");
        List<Series> series = new ArrayList<>();
        for (int l = 0; l < lv.length; l++) {
            double[] x = java.util.Arrays.copyOfRange(n, l * nBits, (l + 1) * nBits);
            series.add(new Series(String.format(java.util.Locale.ROOT, "L = %.3f", lv[l]), x, bits, Mark.LINE));
        }
        optimum.ifPresent(p -> series.add(new Series("optimum (N*, P*)", new double[] {p.params()},
                new double[] {p.bits()}, Mark.POINTS)));
        return new Chart("Iso-loss contours at D = " + Observation.format(tokens) + " (" + law.name() + ")",
                Axis.log("parameters N"), Axis.linear("training precision P (bits)"), series);
    }

    /**
     * P* against the budget (joint optimum), or against D / N at fixed N when {@code fixedParams} is given;
     * budgets without a feasible optimum are left out. With bootstrap samples of the law, the band of P*
     * at each budget (its percentile interval over the samples, {@link Bands}) is drawn as two dashed lines
     * at the point estimate's abscissa.
     *
     * @param samples the law at each bootstrap sample of its fit, empty for no band
     * @param level the band's coverage in (0, 1), e.g. 0.95
     * @throws IllegalArgumentException if no budget has a feasible optimum
     */
    static Chart optimalBits(LawValue law, double[] budgets, Optional<Double> fixedParams, List<LawValue> samples,
                             double level) {
        double[][] central = optimalBitsPerBudget(law, budgets, fixedParams);
        List<Integer> feasible = new ArrayList<>();
        for (int b = 0; b < budgets.length; b++) {
            if (central[b] != null) {
                feasible.add(b);
            }
        }
        if (feasible.isEmpty()) {
            throw new IllegalArgumentException("no budget in the sweep has a feasible optimum");
        }
        double[] x = feasible.stream().mapToDouble(b -> central[b][0]).toArray();
        double[] y = feasible.stream().mapToDouble(b -> central[b][1]).toArray();
        List<Series> series = new ArrayList<>(List.of(new Series("P*", x, y, Mark.LINE_AND_POINTS)));
        if (!samples.isEmpty()) {
            Bands.Band band = Bands.of(samples, s -> optimalBitsPerBudget(s, budgets, fixedParams), level);
            double[] lower = feasible.stream().mapToDouble(b -> band.lower()[b]).toArray();
            double[] upper = feasible.stream().mapToDouble(b -> band.upper()[b]).toArray();
            String name = String.format(java.util.Locale.ROOT, "%.0f%% bootstrap band (%d samples)", 100 * level,
                    samples.size());
            series.add(new Series(name + ", lower", x, lower, Mark.DASHED));
            series.add(new Series(name + ", upper", x, upper, Mark.DASHED));
        }
        String title = fixedParams.map(p -> "Optimal precision against D/N at N = " + Observation.format(p))
                .orElse("Optimal precision against compute budget") + " (" + law.name() + ")";
        Axis xAxis = fixedParams.isPresent() ? Axis.log("tokens per parameter D/N") : Axis.log("budget (bit-FLOPs)");
        return new Chart(title, xAxis, Axis.linear("P* (bits)"), series);
    }

    /**
     * {x, P*} per budget, x the budget or (at fixed N) the optimum's D / N; null where no optimum is feasible.
     */
    static double[][] optimalBitsPerBudget(LawValue law, double[] budgets, Optional<Double> fixedParams) {
        Solver solver = new Solver(surface(law, Map.of()), new CostModel.BitFlops(), SearchSpace.defaults());
        double[][] rows = new double[budgets.length][];
        for (int b = 0; b < budgets.length; b++) {
            try {
                Optimum o = fixedParams.isPresent() ? solver.fixedParams(fixedParams.get(), budgets[b])
                        : solver.joint(budgets[b]);
                rows[b] = new double[] {fixedParams.isPresent() ? o.point().tokensPerParam() : budgets[b], o.point().bits()};
            } catch (IllegalArgumentException infeasible) {
                // Too small a budget for this N (or outside the search space): no optimum to draw here.
            }
        }
        return rows;
    }
}
