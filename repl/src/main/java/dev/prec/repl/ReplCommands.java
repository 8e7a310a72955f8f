package dev.prec.repl;

import dev.prec.format.Formats;
import dev.prec.lang.builtin.Builtin;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.parse.Lexemes;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import dev.prec.store.RunRecord;
import dev.prec.store.RunStore;
import dev.prec.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The REPL's {@code :commands}, shared by the terminal and the piped REPL. */
public final class ReplCommands {
    /** The command names, for completion and help. */
    public static final List<String> NAMES = List.of(":help", ":load", ":save", ":vars", ":runs", ":plan",
            ":reset", ":quit");

    /** What a command asks of the loop. */
    public enum Next { CONTINUE, QUIT }

    /**
     * What a command did.
     *
     * @param next whether the loop goes on
     * @param ok false when the command failed (a bad file, an unknown command, a failing :load)
     */
    public record Outcome(Next next, boolean ok) {
        public Outcome {
            if (next == null) {
                throw new IllegalArgumentException("next is required");
            }
        }
    }

    private final ReplSession repl;

    public ReplCommands(ReplSession repl) {
        if (repl == null) {
            throw new IllegalArgumentException("repl is required");
        }
        this.repl = repl;
    }

    /** Whether {@code line} is a command rather than language input. */
    public static boolean isCommand(String line) {
        return line.strip().startsWith(":");
    }

    /** Runs one command line such as {@code :load sweep.prec}. */
    public Outcome run(String line) {
        String s = line.strip();
        int space = s.indexOf(' ');
        String name = space < 0 ? s : s.substring(0, space);
        String arg = space < 0 ? "" : s.substring(space + 1).strip();
        PrintWriter out = repl.out();
        return switch (name) {
            case ":quit", ":q", ":exit" -> new Outcome(Next.QUIT, true);
            case ":help", ":h" -> done(help(arg, out));
            case ":load" -> done(!arg.isEmpty() && load(Path.of(arg)));
            case ":save" -> done(!arg.isEmpty() && save(Path.of(arg)));
            case ":vars" -> done(vars(out));
            case ":runs" -> done(runs(arg, out));
            case ":plan" -> done(repl.plan().map(p -> {
                out.print(p);
                out.flush();
                return true;
            }).orElse(false));
            case ":reset" -> {
                repl.reset();
                out.println("session cleared");
                out.flush();
                yield done(true);
            }
            default -> {
                repl.err().println("unknown command " + name + "; :help lists the commands");
                repl.err().flush();
                yield done(false);
            }
        };
    }

    private Outcome done(boolean ok) {
        if (!ok) {
            repl.err().flush();
        }
        return new Outcome(Next.CONTINUE, ok);
    }

    private Path resolve(Path file) {
        return repl.baseDirectory().resolve(file);
    }

    private boolean load(Path file) {
        Path path = resolve(file);
        try {
            return repl.eval(Files.readString(path), file.toString());
        } catch (IOException e) {
            repl.err().println("cannot read " + path + ": " + e.getMessage());
            return false;
        }
    }

    private boolean save(Path file) {
        Path path = resolve(file);
        try {
            Files.writeString(path, repl.script());
            repl.out().println("saved the session's inputs to " + path);
            repl.out().flush();
            return true;
        } catch (IOException e) {
            repl.err().println("cannot write " + path + ": " + e.getMessage());
            return false;
        }
    }

    private boolean vars(PrintWriter out) {
        Map<String, Type> types = repl.session().types();
        for (Map.Entry<String, Value> b : repl.session().bindings().entrySet()) {
            Type t = types.getOrDefault(b.getKey(), b.getValue().type());
            out.println(b.getKey() + ": " + t.describe() + " = " + shortened(b.getValue().show()));
        }
        out.flush();
        return true;
    }

    private static String shortened(String shown) {
        String one = shown.replace('\n', ' ');
        return one.length() <= 100 ? one : one.substring(0, 97) + "...";
    }

    /** Lists the runs of the session's store whose status or spec contains {@code filter}. */
    private boolean runs(String filter, PrintWriter out) {
        Path file = RunStore.defaultFile(repl.baseDirectory().resolve("repl.prec"));
        if (!Files.exists(file)) {
            repl.err().println("no run store at " + file + " yet: no runs have been trained here");
            return false;
        }
        try (RunStore store = RunStore.open(file)) {
            out.printf(Locale.ROOT, "%-12s  %-8s  %14s  %s%n", "key", "status", "final val loss", "spec");
            for (RunRecord r : store.list()) {
                String spec = r.spec().json();
                if (filter.isEmpty() || spec.contains(filter) || r.status().label().equals(filter)) {
                    String loss = r.result().map(x -> String.format(Locale.ROOT, "%.6g", x.finalValLoss())).orElse("");
                    out.printf(Locale.ROOT, "%-12s  %-8s  %14s  %s%n", r.spec().shortKey(), r.status().label(), loss, spec);
                    // Post-training quantizations of the run, indented under it.
                    for (dev.prec.store.PtqResult p : store.ptqResults(r.key())) {
                        out.printf(Locale.ROOT, "  ptq %-12s  %14s  delta %s  %s%n", p.spec().shortKey(),
                                String.format(Locale.ROOT, "%.6g", p.valLoss()),
                                String.format(Locale.ROOT, "%.4g", p.losses().delta()), p.spec().json());
                    }
                }
            }
            out.flush();
            return true;
        } catch (StoreException e) {
            repl.err().println("error: " + e.getMessage());
            return false;
        }
    }

    private boolean help(String topic, PrintWriter out) {
        if (topic.isEmpty()) {
            out.println("""
                    Type statements of the .prec language; names stay bound between inputs.
                    An open bracket, block or string, or a line ending in an operator, continues on the next line.
                    Commands:
                      :help [topic]  this text, or help on a built-in function, "keywords", "formats" or "keys"
                      :load FILE     run a script in this session
                      :save FILE     write the inputs that ran without errors as a script
                      :vars          the names bound in this session, with types and values
                      :runs [filter] runs in the store (.prec/runs.db here) whose status or spec contains filter, with their PTQ results
                      :plan          the plan of this session's script (what it would train)
                      :reset         forget every name and input
                      :quit          leave (Ctrl-D too)""");
        } else if (topic.equals("keys")) {
            out.println("""
                    Tab completes keywords, names, built-ins, named arguments, fields, formats and paths in strings;
                    inside a call it also prints the call's signature.
                    Ctrl-C cancels the running action (train, fit, ...), or clears the line at the prompt.
                    Ctrl-D on an empty line quits. Up/Down and Ctrl-R search the history.""");
        } else if (topic.equals("keywords")) {
            out.println(String.join(" ", Lexemes.keywords()));
        } else if (topic.equals("formats")) {
            out.println(String.join(" ", Formats.names()));
        } else {
            Optional<Builtin> f = Builtins.function(topic);
            if (f.isEmpty()) {
                repl.err().println("no help on '" + topic + "'; topics: a built-in function, keywords, formats, keys");
                return false;
            }
            out.println(f.get().signature().show() + " -> " + f.get().signature().result().describe());
            out.println("  " + f.get().signature().doc());
            for (Param p : f.get().signature().params()) {
                out.println("  " + p.name() + ": " + p.doc());
            }
        }
        out.flush();
        return true;
    }
}
