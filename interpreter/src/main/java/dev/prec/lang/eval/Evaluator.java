package dev.prec.lang.eval;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Name;
import dev.prec.lang.ast.SourcePrinter;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.check.CheckedProgram;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.PlotEngine;
import dev.prec.lang.engine.ReportEngine;
import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.NothingValue;
import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a checked program statement by statement: one exhaustive switch over the statements. In
 * planning mode it evaluates only what needs no engine (declarations, laws, arithmetic), skips
 * output, and defers every binding that depends on an action.
 */
public final class Evaluator {
    private final ExprEvaluator exprs;
    private final Session session;
    private final Env top;
    /** True when planning: no action runs, nothing is printed or written. */
    private final boolean planning;
    /** Names whose value needs an action or an engine, left unbound while planning. */
    private final Set<String> deferred = new HashSet<>();
    /** The program being run, for the plan and source a report shows. */
    private final CheckedProgram program;
    /** The plan as it stood before the first statement ran, when the program writes a report. */
    private String planBeforeRun = "";

    private Evaluator(CheckedProgram program, Session session, Engines engines, boolean planning) {
        this.exprs = new ExprEvaluator(engines);
        this.session = session;
        this.top = Env.top(session);
        this.planning = planning;
        this.program = program;
    }

    /**
     * Runs {@code program}, binding its names in {@code session}.
     *
     * @return the value of the last statement when it is an expression, else nothing
     * @throws ScriptError at the first runtime failure (bindings made before it stay)
     */
    public static Value run(CheckedProgram program, Session session, Engines engines) {
        Evaluator ev = new Evaluator(program, session, engines, false);
        if (program.program().statements().stream().anyMatch(Stmt.Report.class::isInstance)) {
            // Before anything runs: afterwards the store would list this run's own sweeps as finished.
            ev.planBeforeRun = RunRecord.plan(program, session, engines);
        }
        Value last = NothingValue.INSTANCE;
        for (Stmt s : program.program().statements()) {
            if (session.context().cancelled().get()) {
                throw new ScriptError(s.span(), "cancelled", "cancelled before this statement");
            }
            last = ev.statement(s);
        }
        return last;
    }

    /**
     * Evaluates the engine-free part of {@code program} into {@code scratch}, reporting failures of
     * that part (a model with impossible sizes, a bad range) into {@code sink} and going on.
     *
     * @return the names left unbound because they need an action or a missing engine
     */
    static Set<String> plan(CheckedProgram program, Session scratch, Engines engines, DiagnosticSink sink) {
        Evaluator ev = new Evaluator(program, scratch, engines, true);
        for (Stmt s : program.program().statements()) {
            try {
                ev.statement(s);
            } catch (ScriptError e) {
                if (e.missingCapability().isEmpty()) {
                    sink.report(e.toDiagnostic());
                }
                nameOf(s).ifPresent(ev.deferred::add);
            }
        }
        return ev.deferred;
    }

    private static Optional<String> nameOf(Stmt s) {
        return switch (s) {
            case Stmt.Decl d -> Optional.of(d.name().text());
            case Stmt.LawDecl l -> Optional.of(l.name().text());
            case Stmt.Assign a -> Optional.of(a.name().text());
            default -> Optional.empty();
        };
    }

    private Value statement(Stmt s) {
        if (planning && (AstScan.runsAnAction(s) || AstScan.refersTo(s, deferred))) {
            nameOf(s).ifPresent(deferred::add);
            return NothingValue.INSTANCE;
        }
        switch (s) {
            case Stmt.Decl d -> bind(d.name(), () -> exprs.eval(d.value(), top), v -> declared(d, v));
            case Stmt.LawDecl l -> bind(l.name(), () -> Laws.declare(l, top, exprs), v -> v);
            case Stmt.Assign a -> bind(a.name(), () -> exprs.eval(a.value(), top), v -> v);
            case Stmt.Print p -> {
                if (!planning) {
                    Value v = exprs.eval(p.value(), top);
                    String line = v instanceof StringValue str ? str.value() : v.show();
                    session.journal().printed(line);
                    session.out().accept(line);
                }
            }
            case Stmt.Plot p -> {
                if (!planning) {
                    plot(p);
                }
            }
            case Stmt.Export e -> {
                if (!planning) {
                    Value v = exprs.eval(e.value(), top);
                    Exporter.write(v, path(e.target()), e.span());
                }
            }
            case Stmt.Report r -> {
                if (!planning) {
                    report(r);
                }
            }
            case Stmt.Assert a -> {
                if (!planning) {
                    Assertions.check(a, exprs, top);
                }
            }
            case Stmt.ExprStmt e -> {
                return planning ? NothingValue.INSTANCE : exprs.eval(e.value(), top);
            }
        }
        return NothingValue.INSTANCE;
    }

    /** Binds a top-level name; a value given with {@code --set} replaces the script's own. */
    private void bind(Name name, Supplier<Value> value, java.util.function.UnaryOperator<Value> finish) {
        Value v = session.overrideOf(name.text()).orElseGet(value);
        session.define(name.text(), finish.apply(v));
    }

    /** A declaration's value in its declared shape: models named, precisions and sweeps made so. */
    private Value declared(Stmt.Decl d, Value v) {
        String name = d.name().text();
        return switch (d.kind()) {
            case MODEL -> DomainEvaluator.named(v, name);
            case PRECISION -> Precisions.of(v, d.value().span());
            case SWEEP -> DomainEvaluator.sweep(v, name, d.value().span()).withName(name);
            case FN -> v instanceof FunctionValue f ? new FunctionValue(name, f.parameters(), f.body()) : v;
            case DATA, FORMAT, LAW -> v;
        };
    }

    private void plot(Stmt.Plot p) {
        PlotEngine engine = exprs.engines().plot()
                .orElseThrow(() -> ScriptError.missing(p.span(), "plot", Capability.PLOTTER));
        Value subject = exprs.eval(p.subject(), top);
        Optional<Value> against = p.against().map(a -> exprs.eval(a, top));
        RecordValue options = p.options().map(o -> ActionRunner.as(RecordValue.class, exprs.eval(o, top), o.span(),
                "record of options")).orElse(RecordValue.EMPTY);
        Path file = path(p.target());
        try {
            PlotFile written = engine.plot(new PlotEngine.Request(subject, against, file, options), session.context());
            session.journal().made(SourcePrinter.print(p), written);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ScriptError(p.span(), "engine", "plot: " + e.getMessage());
        }
    }

    private void report(Stmt.Report r) {
        ReportEngine engine = exprs.engines().report()
                .orElseThrow(() -> ScriptError.missing(r.span(), "report", Capability.REPORTER));
        RecordValue options = r.options().map(o -> ActionRunner.as(RecordValue.class, exprs.eval(o, top), o.span(),
                "record of options")).orElse(RecordValue.EMPTY);
        Path file = path(r.target());
        ReportEngine.Request request = RunRecord.request(program, session, planBeforeRun, file, options);
        try {
            engine.report(request, session.context());
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ScriptError(r.span(), "engine", "report: " + e.getMessage());
        }
    }

    private Path path(Expr target) {
        Value v = exprs.eval(target, top);
        if (!(v instanceof StringValue s)) {
            throw new ScriptError(target.span(), "type", "a file name must be a string, got a " + v.type().describe());
        }
        return session.baseDirectory().resolve(s.value()).normalize();
    }
}
