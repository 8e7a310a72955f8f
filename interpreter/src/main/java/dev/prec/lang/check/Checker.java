package dev.prec.lang.check;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.LawParam;
import dev.prec.lang.ast.Name;
import dev.prec.lang.ast.Program;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.builtin.ActionOptions;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.Span;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.guest.GuestPolicy;
import dev.prec.lang.value.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checking pass over a whole program: every statement is checked even after errors, so one
 * run reports every mistake. Statements are one exhaustive switch; expressions go to {@link ExprChecker}.
 */
public final class Checker {
    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final Scope top = Scope.top();
    /** Types of values that replace the script's own binding of a name ({@code --set}). */
    private final Map<String, Type> overrides;
    /** Overridden names the script did bind. */
    private final Set<String> overridden = new HashSet<>();

    private Checker(DiagnosticSink sink, Map<String, Type> globals, Map<String, Type> overrides) {
        this.ctx = new CheckContext(sink);
        this.exprs = new ExprChecker(ctx);
        this.overrides = overrides;
        globals.forEach((k, v) -> top.define(k, new Scope.Symbol(v, Span.NONE, false)));
    }

    /**
     * Checks {@code program}, reporting every error into {@code sink}.
     *
     * @param globals names bound before the program (earlier REPL lines, host variables) and their types
     * @param overrides names whose binding the command line replaces, with the replacing value's type
     * @return what the checker learned; meaningful only when {@code sink} has no errors
     */
    public static CheckedProgram check(Program program, Map<String, Type> globals, Map<String, Type> overrides,
                                       DiagnosticSink sink) {
        Checker c = new Checker(sink, globals, overrides);
        for (Stmt s : program.statements()) {
            c.statement(s);
        }
        c.unusedOverrides(program);
        Map<String, Type> types = new LinkedHashMap<>();
        for (String n : c.top.names().reversed()) {
            c.top.local(n).ifPresent(sym -> types.put(n, sym.type()));
        }
        return new CheckedProgram(program, types, c.ctx.needs());
    }

    private void statement(Stmt s) {
        switch (s) {
            case Stmt.Decl d -> bind(d.name(), declaration(d), true);
            case Stmt.LawDecl l -> law(l);
            case Stmt.Assign a -> bind(a.name(), exprs.type(a.value(), top), false);
            case Stmt.Print p -> exprs.type(p.value(), top);
            case Stmt.Plot p -> plot(p);
            case Stmt.Export e -> export(e);
            case Stmt.Report r -> report(r);
            case Stmt.Assert a -> exprs.expect(a.condition(), top, Type.BOOL, "the condition of assert");
            case Stmt.ExprStmt e -> exprs.type(e.value(), top);
        }
    }

    private Type declaration(Stmt.Decl d) {
        String what = "the value of " + d.kind().keyword() + " '" + d.name().text() + "'";
        return switch (d.kind()) {
            case DATA -> exprs.expect(d.value(), top, Type.of(Type.Kind.DATA), what);
            case MODEL -> {
                Type t = exprs.type(d.value(), top);
                yield ctx.expect(Type.of(Type.Kind.MODEL), t, d.value().span(), what) ? t : Type.ERROR;
            }
            case FORMAT -> exprs.expect(d.value(), top, Type.of(Type.Kind.QUANT), what);
            case PRECISION -> exprs.domain().precision(d.value(), top, what);
            case SWEEP -> new ActionChecker(ctx, exprs, exprs.domain()).sweep(d.value(), top);
            case FN -> {
                // The limits record of `fn f = js SOURCE with { ... }`: only the limit names, each a number.
                // The call is then checked without it, so that errors inside it are reported once.
                if (d.value() instanceof Expr.Call c && c.args().size() == 2 && c.args().getLast() instanceof Expr.RecordLit) {
                    exprs.domain().options(Optional.of(c.args().getLast()), GuestPolicy.OPTIONS, top, "fn");
                    Expr source = new Expr.Call(c.callee(), List.of(c.args().getFirst()), c.named(), c.span());
                    yield exprs.expect(source, top, Type.of(Type.Kind.FUNCTION), what);
                }
                yield exprs.expect(d.value(), top, Type.of(Type.Kind.FUNCTION), what);
            }
            case LAW -> {
                Type t = exprs.type(d.value(), top);
                if (!t.isLoose() && !t.equals(Type.of(Type.Kind.LAW)) && !t.equals(Type.of(Type.Kind.FIT))) {
                    yield ctx.error(d.value().span(), "type", what + " must be a law or a fit, not a " + t.describe(), "");
                }
                yield t;
            }
        };
    }

    /** Binds a top-level name; a second declaration of one name in one script is an error. */
    private void bind(Name name, Type type, boolean declaration) {
        Optional<Scope.Symbol> earlier = top.local(name.text());
        if (declaration && earlier.isPresent() && earlier.get().fromThisScript()) {
            ctx.error(name.span(), "duplicate", "'" + name.text() + "' is already declared at line "
                    + earlier.get().declared().line(), "give it another name, or assign with 'name = ...' to rebind it");
        }
        Type override = overrides.get(name.text());
        if (override != null) {
            overridden.add(name.text());
            ctx.expect(type, override, name.span(), "the value given for '" + name.text() + "' with --set");
            type = type.isLoose() ? override : type;
        }
        top.define(name.text(), new Scope.Symbol(type, name.span(), true));
    }

    private void law(Stmt.LawDecl l) {
        Scope body = top.child();
        Set<String> names = new HashSet<>();
        for (Name v : l.variables()) {
            if (!names.add(v.text())) {
                ctx.error(v.span(), "duplicate", "the variable '" + v.text() + "' is listed twice", "");
            }
            body.define(v.text(), new Scope.Symbol(Type.NUMBER, v.span(), true));
        }
        for (LawParam p : l.params()) {
            if (!names.add(p.name().text())) {
                ctx.error(p.name().span(), "duplicate", "'" + p.name().text() + "' is already a variable or parameter", "");
            }
            body.define(p.name().text(), new Scope.Symbol(Type.NUMBER, p.name().span(), true));
            for (LawParam.Bound b : p.bounds()) {
                exprs.expect(b.limit(), top, Type.NUMBER, "a bound of '" + p.name().text() + "'");
            }
        }
        for (Stmt.Assign a : l.bindings()) {
            Type t = exprs.expect(a.value(), body, Type.NUMBER, "'" + a.name().text() + "' in law " + l.name().text());
            body.define(a.name().text(), new Scope.Symbol(t, a.name().span(), true));
        }
        exprs.expect(l.loss(), body, Type.NUMBER, "the loss of law " + l.name().text());
        bind(l.name(), Type.of(Type.Kind.LAW), true);
    }

    private void plot(Stmt.Plot p) {
        Type subject = exprs.type(p.subject(), top);
        Optional<Type> against = p.against().map(a -> exprs.type(a, top));
        exprs.expect(p.target(), top, Type.STRING, "the file plot writes");
        exprs.domain().options(p.options(), ActionOptions.PLOT, top, "plot");
        new PlotChecker(ctx).check(p, subject, against);
        ctx.need(Capability.PLOTTER);
    }

    private void export(Stmt.Export e) {
        exprs.type(e.value(), top);
        exprs.expect(e.target(), top, Type.STRING, "the file export writes");
        if (e.target() instanceof Expr.Str s) {
            String lower = s.value().toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".csv") && !lower.endsWith(".json")) {
                ctx.error(s.span(), "export-format", "export writes .csv or .json files, not '" + s.value() + "'",
                        "end the file name with .csv or .json");
            }
        }
    }

    private void report(Stmt.Report r) {
        exprs.expect(r.target(), top, Type.STRING, "the file report writes");
        if (r.target() instanceof Expr.Str s) {
            String lower = s.value().toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".html") && !lower.endsWith(".htm")) {
                ctx.error(s.span(), "report-format", "report writes an .html file, not '" + s.value() + "'",
                        "end the file name with .html");
            }
        }
        exprs.domain().options(r.options(), ActionOptions.REPORT, top, "report");
        ctx.need(Capability.REPORTER);
    }

    private void unusedOverrides(Program program) {
        List<String> bound = new ArrayList<>(top.names());
        for (String name : overrides.keySet()) {
            if (!overridden.contains(name)) {
                Span at = new Span(program.span().file(), 1, 1, 1, 1);
                ctx.error(at, "unknown-override", "--set " + name + ": the script binds no '" + name + "'",
                        Hints.didYouMean(name, bound));
            }
        }
    }
}
