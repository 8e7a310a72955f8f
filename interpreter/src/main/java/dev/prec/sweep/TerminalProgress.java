package dev.prec.sweep;

import dev.prec.store.RunStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live progress in a terminal: a bar per active run (tokens, loss, tokens/s, ETA) and an overall
 * bar, redrawn in place with ANSI cursor movement at most ten times a second; ended runs are
 * printed above the bars as permanent lines.
 */
public final class TerminalProgress implements SweepListener {

    /** Minimum time between redraws caused by progress alone. */
    private static final long REDRAW_NANOS = 100_000_000L;
    /** Characters inside a bar. */
    private static final int BAR_WIDTH = 20;

    /** The terminal. */
    private final PrintStream out;
    /** Active runs by key. */
    private final Map<String, Active> active = new LinkedHashMap<>();
    /** Lines of bars currently on screen, to move up over. */
    private int drawn;
    /** Runs in the sweep and runs ended, failed so far. */
    private int total;
    private int ended;
    private int failed;
    /** Runs ended in this session, for the overall rate. */
    private int endedHere;
    /** When the sweep started and the screen was last drawn, System.nanoTime. */
    private long startNanos;
    private long lastDraw;

    /** One active run: its label, the latest progress and where this attempt started. */
    private static final class Active {
        final String label;
        RunProgress progress;
        long firstTokens = -1;
        long firstNanos;

        Active(String label) {
            this.label = label;
        }
    }

    /** @param out the terminal */
    public TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void on(SweepEvent event) {
        List<String> permanent = new ArrayList<>();
        boolean force = true;
        switch (event) {
            case SweepEvent.Planned p -> {
                total = p.total();
                ended = p.alreadyEnded();
                startNanos = System.nanoTime();
                permanent.add("sweep: " + p.total() + " runs, " + p.alreadyEnded() + " ended before");
            }
            case SweepEvent.Started s -> active.put(s.spec().key(), new Active(ProgressDisplay.label(s.spec())));
            case SweepEvent.Progressed p -> {
                Active a = active.computeIfAbsent(p.spec().key(), k -> new Active(ProgressDisplay.label(p.spec())));
                if (a.firstTokens < 0) {
                    a.firstTokens = p.progress().tokens();
                    a.firstNanos = System.nanoTime();
                }
                force = a.progress == null; // a run's first progress shows at once
                a.progress = p.progress();
            }
            case SweepEvent.Ended e -> {
                active.remove(e.run().key());
                ended++;
                endedHere++;
                if (e.run().status() != RunStatus.DONE) {
                    failed++;
                }
                permanent.add(ProgressDisplay.ended(e.run()));
            }
            case SweepEvent.Interrupted i -> {
                active.remove(i.spec().key());
                permanent.add("stopped   " + ProgressDisplay.label(i.spec()) + ": " + i.reason());
            }
            case SweepEvent.Waiting w -> permanent.add("waiting   " + ProgressDisplay.label(w.spec())
                    + ": trained by process " + w.holder().pid() + " on " + w.holder().host());
            case SweepEvent.Skipped s -> force = false;
            case SweepEvent.Completed c -> active.clear();
        }
        long now = System.nanoTime();
        if (force || now - lastDraw >= REDRAW_NANOS) {
            draw(permanent, !(event instanceof SweepEvent.Completed));
            lastDraw = now;
        }
    }

    private void draw(List<String> permanent, boolean bars) {
        StringBuilder s = new StringBuilder();
        if (drawn > 0) {
            s.append("\r\033[").append(drawn).append('A'); // up over the old bars
        }
        s.append("\033[J"); // clear from here to the end of the screen
        for (String line : permanent) {
            s.append(line).append('\n');
        }
        drawn = 0;
        if (bars) {
            for (Active a : active.values()) {
                s.append(runBar(a)).append('\n');
                drawn++;
            }
            s.append(overallBar()).append('\n');
            drawn++;
        }
        out.print(s);
        out.flush();
    }

    private String runBar(Active a) {
        RunProgress p = a.progress;
        if (p == null) {
            return String.format(Locale.ROOT, "%-40s %s starting", a.label, ProgressDisplay.bar(0, BAR_WIDTH));
        }
        double seconds = (System.nanoTime() - a.firstNanos) / 1e9;
        double rate = seconds > 0 ? (p.tokens() - a.firstTokens) / seconds : 0;
        double eta = rate > 0 ? (p.totalTokens() - p.tokens()) / rate : Double.NaN;
        return String.format(Locale.ROOT, "%-40s %s %s/%s tok  loss %s  %s tok/s  ETA %s", a.label,
                ProgressDisplay.bar(p.fraction(), BAR_WIDTH), ProgressDisplay.count(p.tokens()),
                ProgressDisplay.count(p.totalTokens()), ProgressDisplay.number(p.loss()),
                ProgressDisplay.count(rate), ProgressDisplay.duration(eta));
    }

    private String overallBar() {
        double inFlight = 0;
        for (Active a : active.values()) {
            inFlight += a.progress == null ? 0 : a.progress.fraction();
        }
        double doneHere = endedHere + inFlight;
        double remaining = total - ended - inFlight;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double eta = doneHere > 0 ? seconds / doneHere * remaining : Double.NaN;
        double fraction = total == 0 ? 1 : (ended + inFlight) / total;
        return String.format(Locale.ROOT, "%-40s %s %d/%d ended%s  ETA %s", "sweep",
                ProgressDisplay.bar(fraction, BAR_WIDTH), ended, total,
                failed > 0 ? " (" + failed + " failed or diverged)" : "", ProgressDisplay.duration(eta));
    }
}
