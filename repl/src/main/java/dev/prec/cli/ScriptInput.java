package dev.prec.cli;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
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
