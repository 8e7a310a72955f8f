package dev.prec.lang.eval;

import dev.prec.lang.ast.Action;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Granularity;
import dev.prec.lang.ast.LawParam;
import dev.prec.lang.ast.NamedArg;
import dev.prec.lang.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Walks syntax trees without evaluating them, for the planner: which actions and names a statement uses. */
final class AstScan {
    private AstScan() {
    }

    /** The expressions directly inside {@code e}. */
    static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        switch (e) {
            case Expr.Num n -> { }
            case Expr.Str s -> { }
            case Expr.Bool b -> { }
            case Expr.Ref r -> { }
            case Expr.ListLit l -> out.addAll(l.items());
            case Expr.RecordLit r -> r.fields().forEach(f -> out.add(f.value()));
            case Expr.RangeLit r -> {
                out.add(r.from());
                out.add(r.to());
                r.step().ifPresent(out::add);
            }
            case Expr.Unary u -> out.add(u.operand());
            case Expr.Binary b -> out.addAll(List.of(b.left(), b.right()));
            case Expr.Between b -> out.addAll(List.of(b.value(), b.low(), b.high()));
            case Expr.Call c -> {
                out.add(c.callee());
                out.addAll(c.args());
                c.named().stream().map(NamedArg::value).forEach(out::add);
            }
            case Expr.Member m -> out.add(m.target());
            case Expr.Index i -> out.addAll(List.of(i.target(), i.index()));
            case Expr.Qualified q -> {
                out.add(q.format());
                q.granularity().flatMap(Granularity::groupSize).ifPresent(out::add);
            }
            case Expr.Where w -> out.addAll(List.of(w.source(), w.condition()));
            case Expr.With w -> out.addAll(List.of(w.base(), w.overrides()));
            case Action.Train t -> {
                out.addAll(List.of(t.sweep(), t.data()));
                t.options().ifPresent(out::add);
            }
            case Action.Quantize q -> {
                out.addAll(List.of(q.runs(), q.formats()));
                q.method().ifPresent(out::add);
            }
            case Action.Fit f -> {
                out.addAll(List.of(f.law(), f.data()));
                f.options().ifPresent(out::add);
            }
            case Action.Predict p -> out.addAll(List.of(p.law(), p.point()));
            case Action.Optimize o -> {
                out.addAll(List.of(o.law(), o.budget()));
                o.options().ifPresent(out::add);
            }
            case Action.Plan p -> out.add(p.target());
        }
        return out;
    }

    /** The expressions directly inside {@code s}. */
    static List<Expr> children(Stmt s) {
        List<Expr> out = new ArrayList<>();
        switch (s) {
            case Stmt.Decl d -> out.add(d.value());
            case Stmt.LawDecl l -> {
                l.params().stream().flatMap(p -> p.bounds().stream()).map(LawParam.Bound::limit).forEach(out::add);
                l.bindings().forEach(b -> out.add(b.value()));
                out.add(l.loss());
            }
            case Stmt.Assign a -> out.add(a.value());
            case Stmt.Print p -> out.add(p.value());
            case Stmt.Plot p -> {
                out.addAll(List.of(p.subject(), p.target()));
                p.against().ifPresent(out::add);
                p.options().ifPresent(out::add);
            }
            case Stmt.Export e -> out.addAll(List.of(e.value(), e.target()));
            case Stmt.Report r -> {
                out.add(r.target());
                r.options().ifPresent(out::add);
            }
            case Stmt.Assert a -> out.add(a.condition());
            case Stmt.ExprStmt e -> out.add(e.value());
        }
        return out;
    }

    /** Visits {@code e} and every expression inside it, depth first. */
    static void walk(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        for (Expr c : children(e)) {
            walk(c, visit);
        }
    }

    static void walk(Stmt s, Consumer<Expr> visit) {
        children(s).forEach(e -> walk(e, visit));
    }

    /** True when the statement contains an action other than {@code plan} and {@code predict}. */
    static boolean runsAnAction(Stmt s) {
        boolean[] found = {false};
        walk(s, e -> found[0] |= e instanceof Action && !(e instanceof Action.Plan) && !(e instanceof Action.Predict));
        return found[0];
    }

    /** True when the statement refers to one of {@code names}. */
    static boolean refersTo(Stmt s, Set<String> names) {
        boolean[] found = {false};
        walk(s, e -> found[0] |= e instanceof Expr.Ref r && names.contains(r.name().text()));
        return found[0];
    }
}
