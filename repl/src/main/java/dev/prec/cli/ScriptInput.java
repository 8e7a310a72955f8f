package dev.prec.cli;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.eval.Plan;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What {@code run} and {@code check} share: reading the script and applying {@code --set}. */
final class ScriptInput {
    private ScriptInput() {
    }

    /**
     * A script read, bound and planned: what {@code check} prints and {@code run} goes on to run.
     *
     * @param source the script's text
     * @param pipeline the pipeline with the installed engines
     * @param session the session the script runs in, with the {@code --set} bindings applied
     * @param plan the script's plan
     */
    record Planned(SourceFile source, Pipeline pipeline, Session session, Plan plan) {
    }

    /**
     * Reads {@code file}, applies {@code sets} and plans the script.
     *
     * @throws ExitCodes.UsageProblem if the file cannot be read
     * @throws ExitCodes.ScriptFailed if the script has errors (already printed to {@code err})
     */
    static Planned plan(Path file, Map<String, String> sets, PrintWriter out, PrintWriter err) {
        SourceFile source = read(file);
        Pipeline pipeline = Pipeline.withInstalledEngines();
        Session session = session(file, out, err);
        applySets(sets, pipeline, session, err);
        DiagnosticSink sink = new DiagnosticSink();
        Optional<Plan> plan = pipeline.plan(source, session, sink);
        if (plan.isEmpty()) {
            throw failed(sink, source, err);
        }
        return new Planned(source, pipeline, session, plan.get());
    }

    /**
     * @throws ExitCodes.UsageProblem if the file cannot be read
     */
    static SourceFile read(Path file) {
        try {
            return new SourceFile(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ExitCodes.UsageProblem("no such file: " + file);
        } catch (IOException e) {
            throw new ExitCodes.UsageProblem("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Evaluates each {@code --set name=value} and registers it as an override in {@code session}.
     *
     * @throws ExitCodes.UsageProblem if a value does not evaluate (its diagnostics are printed to {@code err})
     */
    static void applySets(Map<String, String> sets, Pipeline pipeline, Session session, PrintWriter err) {
        for (Map.Entry<String, String> set : sets.entrySet()) {
            String origin = "--set " + set.getKey();
            if (!set.getKey().matches("[A-Za-z_][A-Za-z_0-9]*")) {
                throw new ExitCodes.UsageProblem(origin + ": '" + set.getKey() + "' is not a name");
            }
            DiagnosticSink sink = new DiagnosticSink();
            Optional<Value> v = pipeline.value(set.getValue(), origin, sink);
            if (v.isEmpty()) {
                err.print(DiagnosticRenderer.render(sink.all(), new SourceFile(origin, set.getValue())));
                throw new ExitCodes.UsageProblem(origin + ": the value is not a valid expression");
            }
            session.override(set.getKey(), v.get());
        }
    }

    /** A session printing to {@code out}, resolving paths against the script's directory. */
    static Session session(Path file, PrintWriter out, PrintWriter err) {
        Path dir = file.toAbsolutePath().getParent();
        return new Session(line -> {
            out.println(line);
            out.flush();
        }, new dev.prec.lang.engine.ActionContext(e -> {
            err.println(e.action() + ": " + (e.total() > 0 ? e.done() + "/" + e.total() + " " : "") + e.message());
            err.flush();
        }, new java.util.concurrent.atomic.AtomicBoolean()), dir == null ? Path.of("").toAbsolutePath() : dir);
    }

    /** Prints the diagnostics of a failed phase and signals a script error. */
    static ExitCodes.ScriptFailed failed(DiagnosticSink sink, SourceFile source, PrintWriter err) {
        err.print(DiagnosticRenderer.render(sink.all(), source));
        err.flush();
        return new ExitCodes.ScriptFailed();
    }
}
