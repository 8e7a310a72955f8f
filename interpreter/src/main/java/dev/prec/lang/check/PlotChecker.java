package dev.prec.lang.check;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Field;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.diag.Span;
import dev.prec.lang.value.Type;
import java.util.List;
import java.util.Optional;

/**
 * What {@code plot SUBJECT [against X] ... with { kind: K }} may combine, checked before anything
 * runs: the same rules the plot engine ({@code dev.prec.lang.bind.plot.ChartEngine}) applies, so a
 * script learns at check time, with a position, that a figure cannot be drawn from what it names.
 * A kind that is not a string literal is checked by the engine when the plot runs.
 */
final class PlotChecker {
    /** Figure kinds the plot engine draws (docs/plots.md). */
    static final List<String> KINDS = List.of("loss", "fit", "neff", "ptq", "contours", "bits_vs_budget",
            "bits_vs_tokens_per_param", "curves");
    private static final Type RUNS = Type.of(Type.Kind.RUNS);
    private static final Type LAW = Type.of(Type.Kind.LAW);
    private static final Type FIT = Type.of(Type.Kind.FIT);
    private static final Type OPTIMUM = Type.of(Type.Kind.OPTIMUM);

    private final CheckContext ctx;

    PlotChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param subject the subject's type
     * @param against the type after {@code against}, if given
     */
    void check(Stmt.Plot p, Type subject, Optional<Type> against) {
        if (!subject.isLoose() && !isRuns(subject) && !isLaw(subject)) {
            ctx.error(p.subject().span(), "plot-subject", "plot draws a run table, a law or a fit result, not "
                    + a(subject), "");
            return;
        }
        Optional<Span> againstAt = p.against().map(Expr::span);
        if (against.isPresent() && !against.get().isLoose() && !isRuns(against.get()) && !isLaw(against.get())
                && !against.get().equals(OPTIMUM)) {
            ctx.error(againstAt.orElseThrow(), "plot-against", "plot draws against a run table, a law, a fit result or"
                    + " an optimum, not " + a(against.get()), "");
            return;
        }
        Optional<Field> kind = kindField(p);
        if (kind.isPresent() && !(kind.get().value() instanceof Expr.Str)) {
            return;
        }
        if (kind.isPresent()) {
            String k = ((Expr.Str) kind.get().value()).value();
            if (!KINDS.contains(k)) {
                ctx.unknown(kind.get().value().span(), "plot kind", k, KINDS);
                return;
            }
            kindFits(k, p, subject, against.orElse(Type.NOTHING));
        } else if (against.isPresent() && !against.get().isLoose() && isRuns(subject)) {
            ctx.error(againstAt.orElseThrow(), "plot-against", "a run table is drawn alone, not against "
                    + a(against.get()), "to draw a law over runs write 'plot LAW against RUNS'");
        }
    }

    /** Whether {@code subject} and {@code against} are what figure {@code kind} draws; reports at the culprit. */
    private void kindFits(String kind, Stmt.Plot p, Type subject, Type against) {
        boolean hasAgainst = p.against().isPresent();
        switch (kind) {
            case "loss" -> {
                if (isRuns(subject) && hasAgainst && !against.isLoose()) {
                    ctx.error(p.against().get().span(), "plot-against", "a run table is drawn alone, not against "
                            + a(against), "to draw a law over runs write 'plot LAW against RUNS'");
                } else if (!subjectOrAgainstRuns(subject, against)) {
                    blame(p, hasAgainst, kind, "a run table, as the subject or after 'against'");
                }
            }
            case "curves" -> {
                if (!subjectOrAgainstRuns(subject, against)) {
                    blame(p, hasAgainst, kind, "a run table, as the subject or after 'against'");
                }
            }
            case "fit" -> {
                if (!subject.isLoose() && !isLaw(subject)) {
                    blame(p, false, kind, "a fitted law or fit result as the subject");
                } else if (!hasAgainst || !(against.isLoose() || isRuns(against))) {
                    blame(p, hasAgainst, kind, "a run table after 'against'");
                }
            }
            case "ptq" -> lawWith(p, subject, against, kind, List.of(LAW, FIT), "a law or fit result (the training law)");
            case "contours" -> lawWith(p, subject, against, kind, List.of(OPTIMUM), "an optimum (to mark)");
            default -> lawWith(p, subject, against, kind, List.of(), "nothing");
        }
    }

    /** A figure of the subject law alone, optionally against one of {@code allowed}. */
    private void lawWith(Stmt.Plot p, Type subject, Type against, String kind, List<Type> allowed, String what) {
        if (!subject.isLoose() && !isLaw(subject)) {
            blame(p, false, kind, "a fitted law or fit result as the subject");
        } else if (p.against().isPresent() && !against.isLoose() && !allowed.contains(against)) {
            ctx.error(p.against().get().span(), "plot-against", "plot kind '" + kind + "' draws against " + what
                    + ", not " + a(against), allowed.isEmpty() ? "remove 'against ...'" : "");
        }
    }

    private void blame(Stmt.Plot p, boolean atAgainst, String kind, String needs) {
        Span at = atAgainst ? p.against().orElseThrow().span() : p.subject().span();
        ctx.error(at, "plot-kind", "plot kind '" + kind + "' needs " + needs, "");
    }

    private static boolean subjectOrAgainstRuns(Type subject, Type against) {
        return subject.isLoose() || isRuns(subject) || against.isLoose() || isRuns(against);
    }

    private static Optional<Field> kindField(Stmt.Plot p) {
        if (p.options().isPresent() && p.options().get() instanceof Expr.RecordLit r) {
            return r.fields().stream().filter(f -> f.key().text().equals("kind")).findFirst();
        }
        return Optional.empty();
    }

    /** "a run table", "an optimum". */
    private static String a(Type t) {
        String word = t.describe();
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static boolean isRuns(Type t) {
        return t.equals(RUNS);
    }

    private static boolean isLaw(Type t) {
        return t.equals(LAW) || t.equals(FIT);
    }
}
