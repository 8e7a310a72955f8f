package dev.prec.lang.eval;

import dev.prec.lang.engine.Capability;
import dev.prec.lang.engine.StoredRun;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.Value;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a script will do, computed before anything runs: its sweeps with their runs and FLOPs, and
 * the engines its actions need.
 *
 * @param sweeps every sweep the script declares or trains, in order
 * @param needs the engines the script's actions need
 * @param missing those of {@code needs} this build does not have
 */
public record Plan(List<SweepPlan> sweeps, Set<Capability> needs, Set<Capability> missing) {
    public Plan {
        sweeps = List.copyOf(sweeps);
        needs = Collections.unmodifiableSet(needs.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(needs));
        missing = Collections.unmodifiableSet(missing.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(missing));
    }

    /** Most runs listed one per line under a sweep; the rest are counted. */
    static final int LISTED_RUNS = 20;

    /** Runs the script's train actions would train: those the run store does not hold yet, when it is known. */
    public long trainedRuns() {
        return sweeps.stream().filter(SweepPlan::trained).mapToLong(SweepPlan::toTrain).sum();
    }

    /** The plan as {@code prec check} prints it. */
    public String render() {
        StringBuilder b = new StringBuilder();
        long sweepCount = sweeps.size();
        b.append("plan: ").append(sweepCount == 0 ? "no sweeps" : sweepCount + (sweepCount == 1 ? " sweep" : " sweeps"));
        if (sweepCount > 0) {
            b.append(", ").append(trainedRuns()).append(" runs to train");
        }
        b.append('\n');
        for (SweepPlan s : sweeps) {
            b.append("  sweep ").append(s.name()).append(": ").append(s.runs()).append(s.runs() == 1 ? " run" : " runs");
            String axes = s.axisSizes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(" x "));
            b.append(" (").append(axes.isEmpty() ? "no axes" : axes);
            if (s.considered() > s.runs()) {
                b.append("; where removed ").append(s.considered() - s.runs()).append(" of ").append(s.considered());
            }
            b.append(")").append(s.trained() ? "" : ", not trained by this script").append('\n');
            if (s.flopsKnown() && s.runs() > 0) {
                b.append("    FLOPs per run ").append(sci(s.minFlops()));
                if (s.maxFlops() > s.minFlops()) {
                    b.append(" to ").append(sci(s.maxFlops()));
                }
                b.append(" (6 N D); total ").append(sci(s.totalFlops())).append(" FLOPs, ")
                        .append(sci(s.totalBitflops())).append(" bit-FLOPs ((6/16) N D P)\n");
            } else if (s.runs() > 0) {
                b.append("    FLOPs unknown: the sweep needs a model and a tokens axis\n");
            }
            s.stored().ifPresent(runs -> stored(b, s, runs));
            if (!Double.isNaN(s.estimatedSeconds()) && s.toTrain() > 0) {
                b.append("    estimated wall time ").append(duration(s.estimatedSeconds())).append(" for the ")
                        .append(s.toTrain()).append(s.toTrain() == 1 ? " run" : " runs")
                        .append(s.stored().isPresent() ? " still to train" : "")
                        .append(" on this machine (1 trainer thread, calibrated)\n");
            }
        }
        b.append("  engines: ");
        if (needs.isEmpty()) {
            b.append("none needed");
        } else {
            b.append(needs.stream().map(c -> c.description() + (missing.contains(c) ? " (not in this build)" : ""))
                    .collect(Collectors.joining(", ")));
        }
        return b.append('\n').toString();
    }

    /** The store's counts, then one line per run (state, key, the sweep's axes) up to {@link #LISTED_RUNS}. */
    private static void stored(StringBuilder b, SweepPlan s, List<StoredRun> runs) {
        int finished = s.count(StoredRun.State.FINISHED);
        int failed = s.count(StoredRun.State.FAILED);
        b.append("    run store: ").append(finished).append(" finished, ").append(failed).append(" failed")
                .append(failed > 0 ? " (kept, not retried; prec runs deletes them)" : "").append(", ")
                .append(s.toTrain()).append(" to train");
        b.append(s.toTrain() == 0 ? ": nothing to train\n" : "\n");
        for (StoredRun r : runs.subList(0, Math.min(LISTED_RUNS, runs.size()))) {
            String axes = s.axisSizes().keySet().stream()
                    .map(a -> a + " " + r.point().get(a).map(Plan::brief).orElse("-"))
                    .collect(Collectors.joining(", "));
            b.append(String.format(Locale.ROOT, "      %-8s  %s  %s%n", r.state().word(), r.key(), axes));
        }
        if (runs.size() > LISTED_RUNS) {
            b.append("      ... and ").append(runs.size() - LISTED_RUNS).append(" more\n");
        }
    }

    /** A point's value in a run line: a model by its name, anything else as printed. */
    private static String brief(Value v) {
        return v instanceof ModelValue m ? m.name() : v.show();
    }

    /** Seconds as "42 s", "3.5 min" or "2.1 h". */
    static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.3g s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.3g min", seconds / 60)
                : String.format(Locale.ROOT, "%.3g h", seconds / 3600);
    }

    /** 1.23e12 style for large numbers, plain below 10000. */
    static String sci(double x) {
        if (Math.abs(x) < 1e4) {
            return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3g", x);
        }
        return String.format(Locale.ROOT, "%.3g", x).replace("e+0", "e").replace("e+", "e");
    }
}
