package dev.prec.sweep;

import dev.prec.store.RunRecord;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a sweep's progress: live bars in a terminal ({@link TerminalProgress}), one line per
 * ended run otherwise ({@link LineProgress}). Also the shared spelling of tokens, rates, times.
 */
public final class ProgressDisplay {

    /** Longest run label shown. */
    private static final int LABEL_WIDTH = 40;

    private ProgressDisplay() {
    }

    /**
     * @param out where to write (normally {@code System.out})
     * @return live bars when this process has an interactive terminal, lines otherwise
     */
    public static SweepListener forConsole(PrintStream out) {
        Console console = System.console();
        return console != null && console.isTerminal() ? new TerminalProgress(out) : new LineProgress(out);
    }

    /** @return a run's short key and its scalar spec fields, shortened to fit a line */
    static String label(RunSpec spec) {
        StringBuilder s = new StringBuilder(spec.shortKey());
        for (Map.Entry<String, Object> f : spec.fields().entrySet()) {
            Object v = f.getValue();
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                s.append(' ').append(f.getKey()).append('=').append(v instanceof Double d ? number(d) : v);
            }
        }
        return s.length() <= LABEL_WIDTH ? s.toString() : s.substring(0, LABEL_WIDTH - 1) + "…";
    }

    /** @return the one-line summary of an ended run */
    static String ended(RunRecord r) {
        String label = label(r.spec());
        return switch (r.status()) {
            case DONE -> {
                RunResult x = r.result().orElseThrow();
                yield String.format(Locale.ROOT, "done      %s  val loss %s  %s tok/s  %s", label,
                        number(x.finalValLoss()), count(x.tokensPerSecond()), duration(x.wallSeconds()));
            }
            case FAILED -> "FAILED    " + label + ": " + r.error().orElse("no error recorded");
            case DIVERGED -> "DIVERGED  " + label + " at step " + r.divergedStep().orElse(-1) + ": "
                    + r.error().orElse("no error recorded");
            case PLANNED, RUNNING -> r.status().label() + "   " + label;
        };
    }

    /** @return a number with four significant digits */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** @return a count such as {@code 950}, {@code 12.3k}, {@code 4.0M}, {@code 1.5B} */
    static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.1fB", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** @return a duration such as {@code 42s}, {@code 3m10s}, {@code 1h02m}; {@code --} when unknown */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /**
     * @param fraction done, in [0, 1]
     * @param width characters inside the bar
     * @return the bar, e.g. {@code [#####-----]}
     */
    static String bar(double fraction, int width) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }
}
