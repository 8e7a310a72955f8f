package dev.prec.lang;

import dev.prec.lang.ast.Program;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.check.CheckedProgram;
import dev.prec.lang.check.Checker;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.eval.Evaluator;
import dev.prec.lang.eval.Plan;
import dev.prec.lang.eval.Planner;
import dev.prec.lang.eval.ScriptError;
import dev.prec.lang.eval.Session;
import dev.prec.lang.parse.Parser;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a script runs: parse, build the AST, check, then plan or evaluate. The {@code prec}
 * command, the REPL and the embedding API all call this class, so they never disagree.
 *
 * <p>Each phase reports into the caller's sink and the next phase starts only when the earlier ones
 * found no error, except that checking also runs after syntax errors (on the statements that parsed),
 * so one run shows every mistake. Nothing here prints or exits.
 */
public final class Pipeline {
    /** A statement start that binds a name: {@code data lang =}, {@code law mine(}, {@code x =}. */
    private static final Pattern BINDING = Pattern.compile(
            "^\\s*(?:(?:data|model|format|precision|sweep|law)\\s+)?([A-Za-z_][A-Za-z_0-9]*)\\s*(?:=(?!=)|\\()");

    /** The engines actions run on. */
    private final Engines engines;

    /** @param engines the engines actions may use; {@link Engines#none()} for a pure language pipeline */
    public Pipeline(Engines engines) {
        if (engines == null) {
            throw new IllegalArgumentException("engines are required (use Engines.none())");
        }
        this.engines = engines;
    }

    /** A pipeline with every engine registered on the class path. */
    public static Pipeline withInstalledEngines() {
        return new Pipeline(Engines.installed());
    }

    public Engines engines() {
        return engines;
    }

    /** A session printing to {@code out}, never cancelled, resolving paths against {@code baseDirectory}. */
    public static Session session(java.util.function.Consumer<String> out, Path baseDirectory) {
        return new Session(out, ActionContext.quiet(), baseDirectory);
    }

    /**
     * Parses and checks {@code source} against the names already bound in {@code session}.
     *
     * @return the checked program, or empty when {@code sink} received errors
     */
    public Optional<CheckedProgram> check(SourceFile source, Session session, DiagnosticSink sink) {
        int before = sink.errorCount();
        int reported = sink.all().size();
        Program program;
        try {
            program = Parser.parse(source, sink);
        } catch (StackOverflowError e) {
            sink.error(new dev.prec.lang.diag.Span(source.name(), 1, 1, 1, 1), "too-deep",
                    "this script is nested too deeply to read", "split deep expressions into named parts");
            return Optional.empty();
        }
        Map<String, Type> globals = new LinkedHashMap<>(session.types());
        if (sink.errorCount() > before) {
            brokenBindings(source, sink, reported).forEach(n -> globals.putIfAbsent(n, Type.ERROR));
        }
        Map<String, Type> overrides = new LinkedHashMap<>();
        session.overrides().forEach((k, v) -> overrides.put(k, v.type()));
        CheckedProgram checked;
        try {
            checked = Checker.check(program, globals, overrides, sink);
        } catch (StackOverflowError e) {
            sink.error(program.span(), "too-deep", "this script is nested too deeply to check",
                    "split deep expressions into named parts");
            return Optional.empty();
        }
        return sink.errorCount() > before ? Optional.empty() : Optional.of(checked);
    }

    /**
     * Checks {@code source} and computes its plan without running any action; what {@code prec check} prints.
     *
     * @return the plan, or empty when {@code sink} received errors
     */
    public Optional<Plan> plan(SourceFile source, Session session, DiagnosticSink sink) {
        int before = sink.errorCount();
        Optional<CheckedProgram> checked = check(source, session, sink);
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = Planner.plan(checked.get(), session, engines, sink);
        return sink.errorCount() > before ? Optional.empty() : Optional.of(plan);
    }

    /**
     * Checks and runs {@code source} in {@code session}.
     *
     * @return the value of the last statement (nothing unless it is an expression), or empty when
     *     {@code sink} received errors; bindings made before a runtime error stay in the session
     */
    public Optional<Value> run(SourceFile source, Session session, DiagnosticSink sink) {
        Optional<CheckedProgram> checked = check(source, session, sink);
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Evaluator.run(checked.get(), session, engines));
        } catch (ScriptError e) {
            sink.report(e.toDiagnostic());
            return Optional.empty();
        } catch (StackOverflowError e) {
            sink.error(checked.get().program().span(), "too-deep", "evaluation nested too deeply", "");
            return Optional.empty();
        }
    }

    /**
     * The value of one expression written in the language, e.g. a {@code --set} value
     * ({@code 64}, {@code "runs.csv"}, {@code int(4) per_channel}); it sees no script's names.
     *
     * @param origin how to name the text in messages, e.g. {@code --set width}
     * @return the value, or empty when {@code sink} received errors
     */
    public Optional<Value> value(String text, String origin, DiagnosticSink sink) {
        SourceFile source = new SourceFile(origin, text);
        int before = sink.errorCount();
        Program program = Parser.parse(source, sink);
        if (sink.errorCount() > before) {
            return Optional.empty();
        }
        if (program.statements().size() != 1 || !(program.statements().getFirst() instanceof Stmt.ExprStmt)) {
            sink.error(program.span(), "not-a-value", "expected one value, such as 64, \"text\" or int(4)", "");
            return Optional.empty();
        }
        return run(source, session(line -> { }, Path.of("").toAbsolutePath()), sink);
    }

    /**
     * Names that statements with syntax errors would have bound. The checker treats them as known
     * (with the error type), so a broken declaration does not also make every later use "unknown".
     */
    private static java.util.List<String> brokenBindings(SourceFile source, DiagnosticSink sink, int from) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Diagnostic> all = sink.all();
        for (Diagnostic d : all.subList(Math.min(from, all.size()), all.size())) {
            for (int line = d.span().line(); line >= Math.max(1, d.span().line() - 20); line--) {
                Matcher m = BINDING.matcher(source.line(line));
                if (m.find()) {
                    names.add(m.group(1));
                    break;
                }
            }
        }
        return names;
    }
}
