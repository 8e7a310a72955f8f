package dev.prec.lang.ast;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The AST back to source text, one statement per line, with the fewest parentheses that keep the tree:
 * parsing the printed text gives the same tree (spans aside). For plans, REPL echo and messages that
 * quote an expression; comments and the author's layout are not kept.
 *
 * <p>Binding strength, loosest first (the grammar's, see docs/language.md): actions, clauses
 * ({@code where}, {@code with}), {@code or}, {@code and}, {@code not}, comparisons, ranges, {@code + -},
 * {@code * /}, unary minus, {@code ^}, postfix (calls, members, indexes, qualifiers), literals.
 */
public final class SourcePrinter {
    private static final int ACTION = 0;
    private static final int CLAUSE = 1;
    private static final int OR = 2;
    private static final int AND = 3;
    private static final int NOT = 4;
    private static final int COMPARISON = 5;
    private static final int RANGE = 6;
    private static final int ADDITIVE = 7;
    private static final int MULTIPLICATIVE = 8;
    private static final int NEGATE = 9;
    private static final int POWER = 10;
    private static final int POSTFIX = 11;
    private static final int PRIMARY = 12;

    /** Words that can be written bare as a record key; anything else is quoted. */
    private static final Pattern BARE_KEY = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");

    private SourcePrinter() {
    }

    /** The program, one statement per line, each line ending in '\n'. */
    public static String print(Program program) {
        StringBuilder out = new StringBuilder();
        program.statements().forEach(s -> out.append(print(s)).append('\n'));
        return out.toString();
    }

    /** One statement; a law with a body spans several lines. */
    public static String print(Stmt stmt) {
        return switch (stmt) {
            case Stmt.Decl d when d.kind() == Stmt.DeclKind.FN && d.value() instanceof Expr.Call c && c.named().isEmpty()
                    && (c.args().size() == 1 || c.args().size() == 2) ->
                    "fn " + d.name() + " = " + print(c.callee()) + " " + at(c.args().getFirst(), OR)
                            + (c.args().size() == 2 ? " with " + at(c.args().getLast(), OR) : "");
            case Stmt.Decl d -> d.kind().keyword() + " " + d.name() + " = " + print(d.value());
            case Stmt.LawDecl l -> law(l);
            case Stmt.Assign a -> a.name() + " = " + print(a.value());
            case Stmt.Print p -> "print " + print(p.value());
            case Stmt.Plot p -> "plot " + at(p.subject(), OR)
                    + p.against().map(a -> " against " + at(a, OR)).orElse("")
                    + " to " + at(p.target(), OR)
                    + p.options().map(o -> " with " + at(o, OR)).orElse("");
            case Stmt.Export e -> "export " + at(e.value(), OR) + " to " + at(e.target(), OR);
            case Stmt.Report r -> "report to " + at(r.target(), OR)
                    + r.options().map(o -> " with " + at(o, OR)).orElse("");
            case Stmt.Assert a -> "assert " + at(a.condition(), OR);
            case Stmt.ExprStmt e -> print(e.value());
        };
    }

    /** One expression. */
    public static String print(Expr expr) {
        return at(expr, ACTION);
    }

    private static String law(Stmt.LawDecl l) {
        StringBuilder out = new StringBuilder("law ").append(l.name()).append('(')
                .append(l.variables().stream().map(Name::text).collect(Collectors.joining(", "))).append(") {\n");
        if (!l.params().isEmpty()) {
            out.append("  params ").append(l.params().stream().map(SourcePrinter::param)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        l.bindings().forEach(b -> out.append("  ").append(b.name()).append(" = ").append(print(b.value())).append('\n'));
        return out.append("  loss = ").append(print(l.loss())).append("\n}").toString();
    }

    /**
     * A parameter with its bounds: none, one relation, or the pair {@code >= low, <= high} written as
     * an interval.
     *
     * @throws IllegalArgumentException for other combinations, which the language cannot write
     */
    private static String param(LawParam p) {
        List<LawParam.Bound> b = p.bounds();
        if (b.isEmpty()) {
            return p.name().text();
        }
        if (b.size() == 1) {
            return p.name() + " " + b.getFirst().relation().symbol() + " " + at(b.getFirst().limit(), ADDITIVE);
        }
        if (b.size() == 2 && b.get(0).relation() == LawParam.Relation.GREATER_OR_EQUAL
                && b.get(1).relation() == LawParam.Relation.LESS_OR_EQUAL) {
            return p.name() + " in [" + at(b.get(0).limit(), ADDITIVE) + ", " + at(b.get(1).limit(), ADDITIVE) + "]";
        }
        throw new IllegalArgumentException("parameter '" + p.name() + "' has bounds no script can write: " + b);
    }

    /** {@code e} printed so that it parses back as one unit where an expression of {@code level} is expected. */
    private static String at(Expr e, int level) {
        String text = bare(e);
        return level(e) < level ? "(" + text + ")" : text;
    }

    private static int level(Expr e) {
        return switch (e) {
            case Action a -> ACTION;
            case Expr.Where w -> CLAUSE;
            case Expr.With w -> CLAUSE;
            case Expr.Binary b -> switch (b.operator()) {
                case OR -> OR;
                case AND -> AND;
                case ADD, SUBTRACT -> ADDITIVE;
                case MULTIPLY, DIVIDE -> MULTIPLICATIVE;
                case POWER -> POWER;
                default -> COMPARISON;
            };
            case Expr.Between b -> COMPARISON;
            case Expr.Unary u -> u.operator() == Operator.NOT ? NOT : NEGATE;
            case Expr.RangeLit r -> RANGE;
            case Expr.Call c -> POSTFIX;
            case Expr.Member m -> POSTFIX;
            case Expr.Index i -> POSTFIX;
            case Expr.Qualified q -> POSTFIX;
            default -> PRIMARY;
        };
    }

    private static String bare(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.text();
            case Expr.Str s -> quote(s.value());
            case Expr.Bool b -> String.valueOf(b.value());
            case Expr.Ref r -> r.name().text();
            case Expr.ListLit l -> "[" + l.items().stream().map(SourcePrinter::print).collect(Collectors.joining(", ")) + "]";
            case Expr.RecordLit r -> "{" + r.fields().stream().map(f -> key(f.key()) + ": " + print(f.value()))
                    .collect(Collectors.joining(", ")) + "}";
            case Expr.RangeLit r -> at(r.from(), ADDITIVE) + ".." + at(r.to(), ADDITIVE)
                    + r.step().map(s -> " by " + at(s, ADDITIVE)).orElse("");
            case Expr.Unary u -> u.operator() == Operator.NOT ? "not " + at(u.operand(), NOT) : "-" + at(u.operand(), NEGATE);
            case Expr.Binary b -> binary(b);
            case Expr.Between b -> at(b.value(), RANGE) + " between " + at(b.low(), RANGE) + " and " + at(b.high(), RANGE);
            case Expr.Call c -> at(c.callee(), POSTFIX) + "(" + arguments(c) + ")";
            case Expr.Member m -> at(m.target(), POSTFIX) + "." + m.member();
            case Expr.Index i -> at(i.target(), POSTFIX) + "[" + print(i.index()) + "]";
            case Expr.Qualified q -> at(q.format(), POSTFIX)
                    + q.granularity().map(g -> " " + g.kind().word() + g.groupSize().map(s -> "(" + print(s) + ")").orElse(""))
                            .orElse("")
                    + q.rounding().map(r -> " " + r.kind().word()).orElse("");
            case Expr.Where w -> at(w.source(), CLAUSE) + " where " + at(w.condition(), OR);
            case Expr.With w -> at(w.base(), CLAUSE) + " with " + at(w.overrides(), OR);
            case Action a -> action(a);
        };
    }

    private static String binary(Expr.Binary b) {
        int level = level(b);
        // left-associative levels take an equal-level left operand bare; comparisons do not chain; '^' is
        // right-associative and its exponent is a unary expression
        return switch (b.operator()) {
            case POWER -> at(b.left(), POSTFIX) + " ^ " + at(b.right(), NEGATE);
            case OR, AND, ADD, SUBTRACT, MULTIPLY, DIVIDE ->
                    at(b.left(), level) + " " + b.operator().symbol() + " " + at(b.right(), level + 1);
            default -> at(b.left(), RANGE) + " " + b.operator().symbol() + " " + at(b.right(), RANGE);
        };
    }

    private static String arguments(Expr.Call c) {
        List<String> args = new java.util.ArrayList<>(c.args().stream().map(SourcePrinter::print).toList());
        c.named().forEach(n -> args.add(n.name() + ": " + print(n.value())));
        return String.join(", ", args);
    }

    private static String action(Action a) {
        return switch (a) {
            case Action.Train t -> "train " + at(t.sweep(), OR) + " on " + at(t.data(), OR)
                    + t.options().map(o -> " with " + at(o, OR)).orElse("");
            case Action.Quantize q -> "quantize " + at(q.runs(), OR) + " to " + at(q.formats(), OR)
                    + q.method().map(m -> " using " + at(m, OR)).orElse("");
            case Action.Fit f -> "fit " + at(f.law(), OR) + " to " + fitData(f.data())
                    + f.options().map(o -> " with " + at(o, OR)).orElse("");
            case Action.Predict p -> "predict " + at(p.law(), OR) + " at " + at(p.point(), OR);
            case Action.Optimize o -> "optimize " + at(o.law(), OR) + " for budget " + at(o.budget(), OR)
                    + o.options().map(x -> " with " + at(x, OR)).orElse("");
            case Action.Plan p -> "plan " + print(p.target());
        };
    }

    /** {@code fit}'s own {@code where} clause when the filtered table can be written as an operand. */
    private static String fitData(Expr data) {
        if (data instanceof Expr.Where w && level(w.source()) >= OR) {
            return at(w.source(), OR) + " where " + at(w.condition(), OR);
        }
        return at(data, OR);
    }

    private static String key(Name key) {
        return BARE_KEY.matcher(key.text()).matches() ? key.text() : quote(key.text());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
