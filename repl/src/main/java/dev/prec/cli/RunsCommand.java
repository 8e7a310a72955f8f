package dev.prec.cli;

import dev.prec.store.CanonicalJson;
import dev.prec.store.PtqResult;
import dev.prec.store.RunRecord;
import dev.prec.store.RunResult;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import dev.prec.store.RunTableExport;
import dev.prec.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code prec runs}: the run store from the shell. Subcommands list (with filters), show one run,
 * export as CSV or JSON, delete, check (SQLite's integrity check). Exit codes: 0 ok, 1 store error or no such run, 2 usage.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, export, delete or check the runs in a run store.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Export.class,
            RunsCommand.Delete.class, RunsCommand.Check.class})
public final class RunsCommand implements Callable<Integer> {

    /** Exit code of a store error or a key that names no run. */
    static final int STORE_ERROR = 1;

    @Option(names = "--store", paramLabel = "FILE", defaultValue = ".prec/runs.db",
            description = "The run store (default: ${DEFAULT-VALUE}, as a script in this directory uses).")
    Path store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Opens the store for reading or deleting; it must exist already. */
    RunStore open() {
        if (!Files.exists(store)) {
            throw new StoreException(store, "no run store here; run a script first or pass --store", null);
        }
        return RunStore.open(store);
    }

    /** Filters shared by list and export. */
    static final class Filters {
        @Option(names = "--status", paramLabel = "STATUS",
                description = "Only runs with this status: planned, running, done, failed, diverged.")
        String status;

        @Option(names = "--where", paramLabel = "FIELD=VALUE",
                description = "Only runs whose spec field equals VALUE (repeatable; nested values as JSON).")
        List<String> where = new ArrayList<>();

        List<RunRecord> apply(List<RunRecord> runs) {
            List<RunRecord> kept = new ArrayList<>();
            RunStatus wanted = status == null ? null : RunStatus.ofLabel(status);
            for (RunRecord r : runs) {
                if ((wanted == null || r.status() == wanted) && matches(r.spec().fields())) {
                    kept.add(r);
                }
            }
            return kept;
        }

        private boolean matches(Map<String, Object> fields) {
            for (String w : where) {
                int eq = w.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--where needs FIELD=VALUE, got '" + w + "'");
                }
                Object v = fields.get(w.substring(0, eq));
                String text = v instanceof String s ? s : v == null ? null : CanonicalJson.write(v);
                if (!w.substring(eq + 1).equals(text)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Runs a subcommand body, turning store and argument errors into messages and exit codes. */
    static int guarded(CommandSpec spec, StoreAction action) {
        try {
            return action.run();
        } catch (StoreException | IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return STORE_ERROR;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
    }

    /** A subcommand body. */
    @FunctionalInterface
    interface StoreAction {
        int run() throws IOException;
    }

    /** Finds the one run a key prefix names, or reports why not. */
    static RunRecord one(RunStore store, String prefix) {
        List<RunRecord> found = store.findByPrefix(prefix);
        if (found.isEmpty()) {
            throw new StoreException(store.file(), "no run has a key starting with '" + prefix + "'", null);
        }
        if (found.size() > 1) {
            throw new StoreException(store.file(), "'" + prefix + "' starts " + found.size()
                    + " run keys; give more characters", null);
        }
        return found.getFirst();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, one per line.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Mixin
        Filters filters = new Filters();

        @Option(names = "--ptq", description = "Also list each run's post-training quantizations, indented under it.")
        boolean ptq;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                try (RunStore store = parent.open()) {
                    PrintWriter out = spec.commandLine().getOut();
                    out.printf(Locale.ROOT, "%-12s  %-8s  %14s  %10s  %s%n", "key", "status", "final val loss",
                            "wall s", "spec");
                    for (RunRecord r : filters.apply(store.list())) {
                        String loss = r.result().map(x -> String.format(Locale.ROOT, "%.6g", x.finalValLoss()))
                                .orElse("");
                        String wall = r.result().map(x -> String.format(Locale.ROOT, "%.1f", x.wallSeconds()))
                                .orElse("");
                        out.printf(Locale.ROOT, "%-12s  %-8s  %14s  %10s  %s%n", r.spec().shortKey(),
                                r.status().label(), loss, wall, r.spec().json());
                        if (ptq) {
                            for (PtqResult p : store.ptqResults(r.key())) {
                                out.printf(Locale.ROOT, "  ptq %-12s  %-8s  %14s  %10.1f  delta %s  %s%n",
                                        p.spec().shortKey(), "", exact(p.valLoss()), p.wallSeconds(),
                                        exact(p.losses().delta()), p.spec().json());
                            }
                        }
                    }
                    out.flush();
                }
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run in full.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Parameters(paramLabel = "KEY", description = "The run's key or a unique start of it.")
        String key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                try (RunStore store = parent.open()) {
                    RunRecord r = one(store, key);
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("key:      " + r.key());
                    out.println("status:   " + r.status().label());
                    out.println("spec:     " + r.spec().json());
                    r.error().ifPresent(e -> out.println("error:    " + e));
                    r.divergedStep().ifPresent(s -> out.println("diverged: at step " + s));
                    r.resumeCheckpoint().ifPresent(c -> out.println("resume:   " + c));
                    out.println("attempts: " + r.attempts());
                    r.result().ifPresent(x -> result(x, out));
                    for (PtqResult p : store.ptqResults(r.key())) {
                        ptq(p, out);
                    }
                    out.flush();
                }
                return 0;
            });
        }

        /** A PTQ child row: spec, losses and delta, dampening, calibration, checkpoint, then its layers. */
        private static void ptq(PtqResult p, PrintWriter out) {
            out.printf(Locale.ROOT, "ptq:      %s  %s%n", p.spec().shortKey(), p.spec().json());
            out.printf(Locale.ROOT, "  loss before %s  after %s  delta %s  damp %s  wall %.2f s%n",
                    exact(p.losses().before()), exact(p.losses().after()), exact(p.losses().delta()),
                    exact(p.damp()), p.wallSeconds());
            p.calibration().ifPresent(c -> out.printf(Locale.ROOT, "  calibration %d sequences, seed %d%n",
                    c.sequences(), c.seed()));
            p.checkpoint().ifPresent(c -> out.println("  checkpoint " + c));
            p.layers().forEach(l -> out.printf(Locale.ROOT, "  layer %s  error %s  relative %s  damp %s%n", l.name(),
                    exact(l.error()), exact(l.relative()), exact(l.damp())));
        }

        private static void result(RunResult x, PrintWriter out) {
            out.printf(Locale.ROOT, "final validation loss: %s%n", exact(x.finalValLoss()));
            out.printf(Locale.ROOT, "tokens/s: %.1f   wall: %.2f s%n", x.tokensPerSecond(), x.wallSeconds());
            out.println("machine:  " + x.machine());
            out.println("validation: " + x.validation().size() + " points; training curve: "
                    + x.training().size() + " points");
            x.validation().forEach(p -> out.printf(Locale.ROOT, "  step %d  tokens %d  val loss %s%n",
                    p.step(), p.tokens(), exact(p.loss())));
            x.checkpoints().forEach(c -> out.println("checkpoint: " + c));
        }
    }

    /** Exact spelling of a loss: canonical when finite, NaN or Infinity otherwise. */
    static String exact(double v) {
        return Double.isFinite(v) ? CanonicalJson.number(v) : Double.toString(v);
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export runs as CSV or JSON.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Mixin
        Filters filters = new Filters();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
                description = "csv or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of to stdout.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                try (RunStore store = parent.open()) {
                    List<RunRecord> runs = filters.apply(store.list());
                    String text = switch (format.toLowerCase(Locale.ROOT)) {
                        case "csv" -> RunTableExport.csv(runs);
                        case "json" -> RunTableExport.json(runs) + "\n";
                        default -> throw new IllegalArgumentException("--format must be csv or json, got '"
                                + format + "'");
                    };
                    if (out == null) {
                        spec.commandLine().getOut().print(text);
                        spec.commandLine().getOut().flush();
                    } else {
                        Files.writeString(out, text, StandardCharsets.UTF_8);
                        spec.commandLine().getErr().println("wrote " + runs.size() + " runs to " + out);
                    }
                }
                return 0;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete runs (and their PTQ results) so the next sweep trains them afresh.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Parameters(paramLabel = "KEY", arity = "0..*", description = "Keys or unique starts of keys.")
        List<String> keys = new ArrayList<>();

        @Option(names = "--status", paramLabel = "STATUS", description = "Delete every run with this status.")
        String status;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                if (keys.isEmpty() && status == null) {
                    throw new IllegalArgumentException("name runs by KEY or --status; nothing was deleted");
                }
                try (RunStore store = parent.open()) {
                    List<RunRecord> doomed = new ArrayList<>();
                    for (String k : keys) {
                        doomed.add(one(store, k));
                    }
                    if (status != null) {
                        doomed.addAll(store.list(RunStatus.ofLabel(status)));
                    }
                    int deleted = 0;
                    for (RunRecord r : doomed) {
                        if (store.delete(r.key())) {
                            deleted++;
                        }
                    }
                    spec.commandLine().getOut().println("deleted " + deleted + " run" + (deleted == 1 ? "" : "s"));
                    spec.commandLine().getOut().flush();
                }
                return 0;
            });
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Run SQLite's integrity check on the store; exit 1 unless it prints ok.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                try (RunStore store = parent.open()) {
                    List<String> lines = store.integrityCheck();
                    lines.forEach(spec.commandLine().getOut()::println);
                    spec.commandLine().getOut().flush();
                    return lines.equals(List.of("ok")) ? 0 : STORE_ERROR;
                }
            });
        }
    }
}
