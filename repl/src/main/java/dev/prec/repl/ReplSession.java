package dev.prec.repl;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.eval.Plan;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.NothingValue;
import dev.prec.lang.value.Value;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One REPL session: inputs run one at a time through the shared pipeline in one language session,
 * so names stay bound; the inputs that ran without errors are kept, in order, for {@code :save} and
 * {@code :plan}. Errors are printed with the caret under the input and the session goes on.
 */
public final class ReplSession {
    private final Pipeline pipeline;
    private final Path baseDirectory;
    private final PrintWriter out;
    private final PrintWriter err;
    /** Set by {@link #cancel()} (the Ctrl-C handler's thread), cleared when an input starts. */
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<String> accepted = new ArrayList<>();
    private Session session;
    private int entry = 1;

    /**
     * @param pipeline checks, plans and runs every input
     * @param baseDirectory where relative paths in inputs (data files, exports, the run store) resolve
     * @param out receives results and what {@code print} writes
     * @param err receives diagnostics and progress
     */
    public ReplSession(Pipeline pipeline, Path baseDirectory, PrintWriter out, PrintWriter err) {
        if (pipeline == null || baseDirectory == null || out == null || err == null) {
            throw new IllegalArgumentException("pipeline, baseDirectory, out and err are required");
        }
        this.pipeline = pipeline;
        this.baseDirectory = baseDirectory.toAbsolutePath();
        this.out = out;
        this.err = err;
        this.session = fresh();
    }

    private Session fresh() {
        return new Session(line -> {
            out.println(line);
            out.flush();
        }, new ActionContext(e -> {
            err.println(e.action() + ": " + (e.total() > 0 ? e.done() + "/" + e.total() + " " : "") + e.message());
            err.flush();
        }, cancelled), baseDirectory);
    }

    /**
     * Runs one input (a statement, a block, or a whole script's text) and prints its value when it
     * is an expression with one.
     *
     * @param text the input
     * @param origin names the input in diagnostics, e.g. {@code <repl:3>} or a file name
     * @return whether it ran without errors
     */
    public boolean eval(String text, String origin) {
        cancelled.set(false);
        SourceFile source = new SourceFile(origin, text);
        DiagnosticSink sink = new DiagnosticSink();
        Optional<Value> v = pipeline.run(source, session, sink);
        out.flush();
        if (v.isEmpty()) {
            err.print(DiagnosticRenderer.render(sink.all(), source));
            err.flush();
            return false;
        }
        accepted.add(text.strip());
        if (!(v.get() instanceof NothingValue)) {
            out.println(v.get().show());
            out.flush();
        }
        return true;
    }

    /** Runs one REPL input, naming it {@code <repl:N>} with a running number. */
    public boolean eval(String text) {
        return eval(text, "<repl:" + entry++ + ">");
    }

    /** Asks the running input's action (train, fit, ...) to stop; safe from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    /** The inputs that ran without errors, in order: the session as a script. */
    public String script() {
        StringBuilder b = new StringBuilder();
        accepted.forEach(s -> b.append(s).append('\n'));
        return b.toString();
    }

    /**
     * The plan of the session's script, as {@code prec check} shows it, computed in a fresh
     * session so nothing runs.
     *
     * @return the rendered plan, or empty when planning reported errors (printed to err)
     */
    public Optional<String> plan() {
        SourceFile source = new SourceFile("<session>", script());
        DiagnosticSink sink = new DiagnosticSink();
        Optional<Plan> plan = pipeline.plan(source, fresh().scratch(), sink);
        if (plan.isEmpty()) {
            err.print(DiagnosticRenderer.render(sink.all(), source));
            err.flush();
        }
        return plan.map(Plan::render);
    }

    /** Forgets every name and input. */
    public void reset() {
        accepted.clear();
        session = fresh();
    }

    /** The language session, for completion and {@code :vars}. */
    public Session session() {
        return session;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }
}
