package dev.prec.lang.bind.plot;

import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import dev.prec.plot.Axis;
import dev.prec.plot.Chart;
import dev.prec.plot.ImageSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code with { ... }} record of {@code plot} read into plain settings.
 *
 * @param kind the figure asked for, or empty to pick from the subject (one of {@link #KINDS})
 * @param size the image size ({@code width}, {@code height})
 * @param x the law variable on the horizontal axis of a loss plot, {@code N} or {@code D}
 * @param params N held fixed where a figure needs one (ptq, bits_vs_tokens_per_param), parameters
 * @param tokens D held fixed for contours, tokens
 * @param levels loss levels of the contours (nats per token), empty to pick from the law's range
 * @param budgets the budgets swept by the P* frontiers, from {@code budget_from} to {@code budget_to} (bit-FLOPs)
 * @param look the title and axis scales the script asked for instead of the kind's own
 * @param band whether a bootstrapped fit's figures draw their bootstrap band ({@code band}, default true)
 */
record PlotOptions(Optional<String> kind, ImageSize size, String x, double params, double tokens,
                   List<Double> levels, Budgets budgets, Look look, boolean band) {

    /**
     * Overrides of a figure's look.
     *
     * @param title the heading, if given (non-blank)
     * @param logX whether the x axis is logarithmic, if given
     * @param logY whether the y axis is logarithmic, if given
     */
    record Look(Optional<String> title, Optional<Boolean> logX, Optional<Boolean> logY) {
        Look {
            if (title.isPresent() && title.get().isBlank()) {
                throw new IllegalArgumentException("option title must not be blank");
            }
        }

        /** {@code chart} with this look's title and axis scales where given. */
        Chart apply(Chart chart) {
            return new Chart(title.orElse(chart.title()),
                    new Axis(chart.x().label(), logX.orElse(chart.x().log())),
                    new Axis(chart.y().label(), logY.orElse(chart.y().log())), chart.series());
        }
    }

    /** The figure kinds the engine draws. */
    static final Set<String> KINDS = Set.of("loss", "fit", "neff", "ptq", "contours", "bits_vs_budget",
            "bits_vs_tokens_per_param", "curves");

    /**
     * A log-spaced budget sweep.
     *
     * @param from first budget, {@code > 0}
     * @param to last budget, {@code > from}
     * @param count number of budgets, in [2, 200]
     */
    record Budgets(double from, double to, int count) {
        Budgets {
            if (!(from > 0) || !(to > from) || count < 2 || count > 200) {
                throw new IllegalArgumentException("budgets need 0 < budget_from < budget_to and 2..200 points, got "
                        + from + ", " + to + ", " + count);
            }
        }

        double[] values() {
            double[] b = new double[count];
            for (int i = 0; i < count; i++) {
                b[i] = Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (count - 1));
            }
            return b;
        }
    }

    PlotOptions {
        if (!x.equals("N") && !x.equals("D")) {
            throw new IllegalArgumentException("option x must be \"N\" or \"D\", got \"" + x + "\"");
        }
        if (!(params > 0) || !(tokens > 0)) {
            throw new IllegalArgumentException("options params and tokens must be > 0");
        }
        kind.ifPresent(k -> {
            if (!KINDS.contains(k)) {
                throw new IllegalArgumentException("unknown plot kind '" + k + "'; kinds are " + String.join(", ",
                        KINDS.stream().sorted().toList()));
            }
        });
        levels = List.copyOf(levels);
        for (double level : levels) {
            if (!Double.isFinite(level)) {
                throw new IllegalArgumentException("option levels must be finite losses, got " + level);
            }
        }
    }

    /**
     * @throws IllegalArgumentException when an option has the wrong type or is out of range
     */
    static PlotOptions read(RecordValue o) {
        Optional<String> kind = string(o, "kind");
        int width = (int) number(o, "width").orElse((double) ImageSize.DEFAULT.width()).doubleValue();
        int height = (int) number(o, "height").orElse((double) ImageSize.DEFAULT.height()).doubleValue();
        String x = string(o, "x").orElse("N");
        double params = number(o, "params").orElse(1e8);
        double tokens = number(o, "tokens").orElse(2e10);
        List<Double> levels = new ArrayList<>();
        switch (o.get("levels").orElse(null)) {
            case null -> { }
            case ListValue l -> l.elements().forEach(v -> levels.add(asNumber(v, "levels")));
            // One number is a list of one, as the checker accepts it.
            case NumberValue n -> levels.add(n.value());
            default -> throw new IllegalArgumentException("option levels must be a list of losses");
        }
        Budgets budgets = new Budgets(number(o, "budget_from").orElse(1e19), number(o, "budget_to").orElse(1e25),
                (int) number(o, "points").orElse(25.0).doubleValue());
        Look look = new Look(string(o, "title"), bool(o, "log_x"), bool(o, "log_y"));
        return new PlotOptions(kind, new ImageSize(width, height), x, params, tokens, levels, budgets, look,
                bool(o, "band").orElse(true));
    }

    private static Optional<String> string(RecordValue o, String name) {
        return o.get(name).map(v -> {
            if (v instanceof StringValue s) {
                return s.value();
            }
            throw new IllegalArgumentException("option " + name + " must be a string");
        });
    }

    private static Optional<Boolean> bool(RecordValue o, String name) {
        return o.get(name).map(v -> {
            if (v instanceof BoolValue b) {
                return b.value();
            }
            throw new IllegalArgumentException("option " + name + " must be true or false");
        });
    }

    private static Optional<Double> number(RecordValue o, String name) {
        return o.get(name).map(v -> asNumber(v, name));
    }

    private static double asNumber(Value v, String name) {
        if (v instanceof NumberValue n) {
            return n.value();
        }
        throw new IllegalArgumentException("option " + name + " must be a number");
    }
}
