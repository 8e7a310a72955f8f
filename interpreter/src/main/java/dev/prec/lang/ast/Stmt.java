package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A statement: a declaration, a binding, or an action whose result is shown, written or checked. */
public sealed interface Stmt
        permits Stmt.Decl, Stmt.LawDecl, Stmt.Assign, Stmt.Print, Stmt.Plot, Stmt.Export, Stmt.Report,
                Stmt.Assert, Stmt.ExprStmt {

    /** The whole statement. */
    Span span();

    /** The expressions directly in {@code s}, in source order (for a law: bounds, bindings, then loss). */
    static List<Expr> expressions(Stmt s) {
        List<Expr> out = new ArrayList<>();
        switch (s) {
            case Decl d -> out.add(d.value());
            case LawDecl l -> {
                l.params().forEach(p -> p.bounds().forEach(b -> out.add(b.limit())));
                l.bindings().forEach(b -> out.add(b.value()));
                out.add(l.loss());
            }
            case Assign a -> out.add(a.value());
            case Print p -> out.add(p.value());
            case Plot p -> {
                out.add(p.subject());
                p.against().ifPresent(out::add);
                out.add(p.target());
                p.options().ifPresent(out::add);
            }
            case Export e -> out.addAll(List.of(e.value(), e.target()));
            case Report r -> {
                out.add(r.target());
                r.options().ifPresent(out::add);
            }
            case Assert a -> out.add(a.condition());
            case ExprStmt e -> out.add(e.value());
        }
        return out;
    }

    /** What a {@link Decl} declares; the checker expects a value of the matching type. */
    enum DeclKind {
        DATA("data"),
        MODEL("model"),
        FORMAT("format"),
        PRECISION("precision"),
        SWEEP("sweep"),
        LAW("law"),
        FN("fn");

        private final String keyword;

        DeclKind(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword that starts the declaration. */
        public String keyword() {
            return keyword;
        }
    }

    /**
     * {@code data lang = synthetic(vocab: 128)}, {@code model sizes = small with {...}},
     * {@code format f = fp(e4, m3)}, {@code precision w4 = {...}}, {@code sweep grid = {...} where ...},
     * {@code law chin = fit chinchilla to runs}.
     *
     * @param kind the declaring keyword
     * @param name the declared name
     * @param value its definition
     * @param span the whole declaration
     */
    record Decl(DeclKind kind, Name name, Expr value, Span span) implements Stmt {
        public Decl {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * A law written in the language, with parameters to fit:
     * <pre>
     * law mine(N, D) {
     *   params A > 0, alpha in [0, 2], E
     *   Neff = N * 0.9
     *   loss = A * Neff^-alpha + E
     * }
     * </pre>
     *
     * @param name the law's name
     * @param variables its inputs (columns of the data it is fitted to), in order
     * @param params its free parameters with their bounds, in order
     * @param bindings the intermediate bindings, in order, excluding {@code loss}
     * @param loss the right-hand side of the {@code loss = ...} line
     * @param span the whole declaration
     */
    record LawDecl(Name name, List<Name> variables, List<LawParam> params, List<Assign> bindings, Expr loss,
                   Span span) implements Stmt {
        public LawDecl {
            Objects.requireNonNull(name, "name");
            variables = List.copyOf(variables);
            params = List.copyOf(params);
            bindings = List.copyOf(bindings);
            Objects.requireNonNull(loss, "loss");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code runs = train grid on lang}; also a line of a law body.
     *
     * @param name the bound name
     * @param value its value
     * @param span the whole binding
     */
    record Assign(Name name, Expr value, Span span) implements Stmt {
        public Assign {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code print prec}.
     *
     * @param value what to show
     * @param span the whole statement
     */
    record Print(Expr value, Span span) implements Stmt {
        public Print {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code plot prec against runs to "fit.png" with { log: true }}.
     *
     * @param subject what is drawn (a law, a table, a column)
     * @param against what it is drawn against, if given
     * @param target the file written
     * @param options plot options, if given
     * @param span the whole statement
     */
    record Plot(Expr subject, Optional<Expr> against, Expr target, Optional<Expr> options, Span span)
            implements Stmt {
        public Plot {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(against, "against");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code report to "study.html" with { title: "..." }}: one page of everything the run produced so far.
     *
     * @param target the file written
     * @param options report options, if given
     * @param span the whole statement
     */
    record Report(Expr target, Optional<Expr> options, Span span) implements Stmt {
        public Report {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code export runs to "runs.csv"}.
     *
     * @param value what is written
     * @param target the file written (its extension picks the format)
     * @param span the whole statement
     */
    record Export(Expr value, Expr target, Span span) implements Stmt {
        public Export {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code assert best.precision.bits between 4 and 12}.
     *
     * @param condition must evaluate to true
     * @param span the whole statement
     */
    record Assert(Expr condition, Span span) implements Stmt {
        public Assert {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * An expression evaluated for its effect or, in the REPL, its value: {@code train grid on lang}.
     *
     * @param value the expression
     * @param span the whole statement
     */
    record ExprStmt(Expr value, Span span) implements Stmt {
        public ExprStmt {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }
}
