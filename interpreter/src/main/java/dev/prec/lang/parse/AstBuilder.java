package dev.prec.lang.parse;

import dev.prec.grammar.PrecParser;
import dev.prec.grammar.PrecParser.*;
import dev.prec.lang.ast.Action;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Field;
import dev.prec.lang.ast.Granularity;
import dev.prec.lang.ast.LawParam;
import dev.prec.lang.ast.Name;
import dev.prec.lang.ast.NamedArg;
import dev.prec.lang.ast.Operator;
import dev.prec.lang.ast.Rounding;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parse tree to AST: the one class that sees ANTLR's generated contexts. Given an error-free tree of one
 * statement; mistakes the grammar lets through (a positional argument after named ones, a law without
 * {@code loss}, two granularities on one format, an unknown string escape, a number too large) are
 * thrown as {@link BuildError} and reported by the caller like syntax errors.
 */
final class AstBuilder {
    private final String file;

    AstBuilder(String file) {
        this.file = file;
    }

    /** A mistake found while building; the statement is dropped and the message reported. */
    static final class BuildError extends RuntimeException {
        final Span span;
        final String hint;

        BuildError(Span span, String message, String hint) {
            super(message, null, false, false);
            this.span = span;
            this.hint = hint;
        }
    }

    Stmt statement(StatementContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case DeclStatementContext c -> new Stmt.Decl(declKind(c.declKeyword()), name(c.name()),
                    expression(c.expression()), span);
            case LawStatementContext c -> law(c, span);
            // `fn f = js SOURCE with LIMITS` is the declaration `fn f = js(SOURCE, LIMITS)`: the language is a built-in.
            case FnStatementContext c -> {
                List<Expr> args = c.operand().stream().map(this::operand).toList();
                yield new Stmt.Decl(Stmt.DeclKind.FN, name(c.name(0)), new Expr.Call(new Expr.Ref(name(c.name(1))), args,
                        List.of(), name(c.name(1)).span().to(args.getLast().span())), span);
            }
            case AssignStatementContext c -> new Stmt.Assign(name(c.name()), expression(c.expression()), span);
            case PrintStatementContext c -> new Stmt.Print(expression(c.expression()), span);
            case PlotStatementContext c -> {
                int i = 1;
                Optional<Expr> against = c.AGAINST() != null ? Optional.of(operand(c.operand(i++))) : Optional.empty();
                Expr target = operand(c.operand(i++));
                Optional<Expr> options = c.WITH() != null ? Optional.of(operand(c.operand(i))) : Optional.empty();
                yield new Stmt.Plot(operand(c.operand(0)), against, target, options, span);
            }
            case ExportStatementContext c -> new Stmt.Export(operand(c.operand(0)), operand(c.operand(1)), span);
            case ReportStatementContext c -> new Stmt.Report(operand(c.operand(0)),
                    c.WITH() != null ? Optional.of(operand(c.operand(1))) : Optional.empty(), span);
            case AssertStatementContext c -> new Stmt.Assert(operand(c.operand()), span);
            case ExpressionStatementContext c -> new Stmt.ExprStmt(expression(c.expression()), span);
            default -> throw unexpected(ctx);
        };
    }

    private static Stmt.DeclKind declKind(DeclKeywordContext ctx) {
        return switch (ctx.getStart().getType()) {
            case PrecParser.DATA -> Stmt.DeclKind.DATA;
            case PrecParser.MODEL -> Stmt.DeclKind.MODEL;
            case PrecParser.FORMAT -> Stmt.DeclKind.FORMAT;
            case PrecParser.PRECISION -> Stmt.DeclKind.PRECISION;
            case PrecParser.SWEEP -> Stmt.DeclKind.SWEEP;
            default -> Stmt.DeclKind.LAW;
        };
    }

    private Stmt.LawDecl law(LawStatementContext ctx, Span span) {
        Name lawName = name(ctx.name());
        List<Name> variables = ctx.lawVariables() == null ? List.of()
                : ctx.lawVariables().name().stream().map(this::name).toList();
        List<LawParam> params = new ArrayList<>();
        List<Stmt.Assign> bindings = new ArrayList<>();
        Stmt.Assign loss = null;
        for (LawItemContext item : ctx.lawBody().lawItem()) {
            switch (item) {
                case ParamsItemContext p -> p.lawParam().forEach(lp -> params.add(lawParam(lp)));
                case BindingItemContext b -> {
                    Stmt.Assign binding = new Stmt.Assign(name(b.name()), expression(b.expression()), span(b));
                    if (!binding.name().text().equals("loss")) {
                        bindings.add(binding);
                    } else if (loss != null) {
                        throw new BuildError(binding.name().span(),
                                "law '" + lawName + "' defines 'loss' twice (first at " + loss.span().line() + ":"
                                        + loss.span().column() + ")", "");
                    } else {
                        loss = binding;
                    }
                }
                default -> throw unexpected(item);
            }
        }
        if (loss == null) {
            throw new BuildError(lawName.span(), "law '" + lawName + "' has no 'loss = ...' line",
                    "end the law's body with the expression it predicts, e.g. 'loss = A * N^-alpha + E'");
        }
        return new Stmt.LawDecl(lawName, variables, params, bindings, loss.value(), span);
    }

    private LawParam lawParam(LawParamContext ctx) {
        return switch (ctx) {
            case BoundedParamContext c -> {
                if (c.op == null) {
                    yield new LawParam(name(c.name()), List.of(), span(c));
                }
                LawParam.Relation relation = switch (c.op.getType()) {
                    case PrecParser.GT -> LawParam.Relation.GREATER;
                    case PrecParser.GE -> LawParam.Relation.GREATER_OR_EQUAL;
                    case PrecParser.LT -> LawParam.Relation.LESS;
                    default -> LawParam.Relation.LESS_OR_EQUAL;
                };
                Span boundSpan = TokenSpans.of(file, c.op).to(span(c.additive()));
                yield new LawParam(name(c.name()),
                        List.of(new LawParam.Bound(relation, additive(c.additive()), boundSpan)), span(c));
            }
            case IntervalParamContext c -> new LawParam(name(c.name()), List.of(
                    new LawParam.Bound(LawParam.Relation.GREATER_OR_EQUAL, additive(c.additive(0)), span(c.additive(0))),
                    new LawParam.Bound(LawParam.Relation.LESS_OR_EQUAL, additive(c.additive(1)), span(c.additive(1)))),
                    span(c));
            default -> throw unexpected(ctx);
        };
    }

    Expr expression(ExpressionContext ctx) {
        return switch (ctx) {
            case ActionExpressionContext c -> action(c.action());
            case ClauseExpressionContext c -> {
                Expr result = operand(c.operand());
                for (ClauseContext clause : c.clause()) {
                    Span span = span(c.operand()).to(span(clause));
                    result = switch (clause) {
                        case WhereClauseContext w -> new Expr.Where(result, operand(w.operand()), span);
                        case WithClauseContext w -> new Expr.With(result, operand(w.operand()), span);
                        default -> throw unexpected(clause);
                    };
                }
                yield result;
            }
            default -> throw unexpected(ctx);
        };
    }

    private Action action(ActionContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case TrainActionContext c -> new Action.Train(operand(c.operand(0)), operand(c.operand(1)),
                    optional(c.WITH(), c.operand(), 2), span);
            case QuantizeActionContext c -> new Action.Quantize(operand(c.operand(0)), operand(c.operand(1)),
                    optional(c.USING(), c.operand(), 2), span);
            case FitActionContext c -> {
                Expr data = operand(c.operand(1));
                int next = 2;
                if (c.WHERE() != null) {
                    data = new Expr.Where(data, operand(c.operand(next)), span(c.operand(1)).to(span(c.operand(next))));
                    next++;
                }
                yield new Action.Fit(operand(c.operand(0)), data, optional(c.WITH(), c.operand(), next), span);
            }
            case PredictActionContext c -> new Action.Predict(operand(c.operand(0)), operand(c.operand(1)), span);
            case OptimizeActionContext c -> new Action.Optimize(operand(c.operand(0)), operand(c.operand(1)),
                    optional(c.WITH(), c.operand(), 2), span);
            case PlanActionContext c -> new Action.Plan(expression(c.expression()), span);
            default -> throw unexpected(ctx);
        };
    }

    private Optional<Expr> optional(TerminalNode keyword, List<OperandContext> operands, int index) {
        return keyword == null ? Optional.empty() : Optional.of(operand(operands.get(index)));
    }

    private Expr operand(OperandContext ctx) {
        return or(ctx.orExpr());
    }

    private Expr or(OrExprContext ctx) {
        // the lists are fetched once: ANTLR's indexed accessors scan all children on every call
        List<AndExprContext> operands = ctx.andExpr();
        List<TerminalNode> ops = ctx.OR();
        Expr result = and(operands.getFirst());
        for (int i = 1; i < operands.size(); i++) {
            result = binary(Operator.OR, result, and(operands.get(i)), ops.get(i - 1).getSymbol());
        }
        return result;
    }

    private Expr and(AndExprContext ctx) {
        List<NotExprContext> operands = ctx.notExpr();
        List<TerminalNode> ops = ctx.AND();
        Expr result = not(operands.getFirst());
        for (int i = 1; i < operands.size(); i++) {
            result = binary(Operator.AND, result, not(operands.get(i)), ops.get(i - 1).getSymbol());
        }
        return result;
    }

    private Expr not(NotExprContext ctx) {
        return switch (ctx) {
            case NotOperatorContext c -> new Expr.Unary(Operator.NOT, not(c.notExpr()), span(c));
            case NotPassThroughContext c -> comparison(c.comparison());
            default -> throw unexpected(ctx);
        };
    }

    private Expr comparison(ComparisonContext ctx) {
        Expr left = range(ctx.range());
        return switch (ctx.comparisonTail()) {
            case null -> left;
            case CompareTailContext c -> binary(switch (c.op.getType()) {
                case PrecParser.EQ -> Operator.EQUAL;
                case PrecParser.NE -> Operator.NOT_EQUAL;
                case PrecParser.LT -> Operator.LESS;
                case PrecParser.LE -> Operator.LESS_OR_EQUAL;
                case PrecParser.GT -> Operator.GREATER;
                case PrecParser.GE -> Operator.GREATER_OR_EQUAL;
                default -> Operator.IN;
            }, left, range(c.range()), c.op);
            case BetweenTailContext c -> new Expr.Between(left, range(c.range(0)), range(c.range(1)), span(ctx));
            default -> throw unexpected(ctx);
        };
    }

    private Expr range(RangeContext ctx) {
        Expr from = additive(ctx.additive(0));
        if (ctx.additive().size() == 1) {
            return from;
        }
        Optional<Expr> step = ctx.additive().size() > 2 ? Optional.of(additive(ctx.additive(2))) : Optional.empty();
        return new Expr.RangeLit(from, additive(ctx.additive(1)), step, span(ctx));
    }

    private Expr additive(AdditiveContext ctx) {
        List<MultiplicativeContext> operands = ctx.multiplicative();
        Expr result = multiplicative(operands.getFirst());
        for (int i = 1; i < operands.size(); i++) {
            Token op = ctx.op.get(i - 1);
            Operator operator = op.getType() == PrecParser.PLUS ? Operator.ADD : Operator.SUBTRACT;
            result = binary(operator, result, multiplicative(operands.get(i)), op);
        }
        return result;
    }

    private Expr multiplicative(MultiplicativeContext ctx) {
        List<UnaryContext> operands = ctx.unary();
        Expr result = unary(operands.getFirst());
        for (int i = 1; i < operands.size(); i++) {
            Token op = ctx.op.get(i - 1);
            Operator operator = op.getType() == PrecParser.STAR ? Operator.MULTIPLY : Operator.DIVIDE;
            result = binary(operator, result, unary(operands.get(i)), op);
        }
        return result;
    }

    private Expr unary(UnaryContext ctx) {
        return switch (ctx) {
            case NegateContext c -> new Expr.Unary(Operator.NEGATE, unary(c.unary()), span(c));
            case UnaryPassThroughContext c -> power(c.power());
            default -> throw unexpected(ctx);
        };
    }

    private Expr power(PowerContext ctx) {
        Expr base = PostfixBuilder.postfix(this, ctx.postfix());
        return ctx.unary() == null ? base : binary(Operator.POWER, base, unary(ctx.unary()), ctx.CARET().getSymbol());
    }

    private Expr binary(Operator operator, Expr left, Expr right, Token op) {
        return new Expr.Binary(operator, left, right, TokenSpans.of(file, op), left.span().to(right.span()));
    }

    /** {@code granularity} as an AST qualifier. */
    Granularity granularity(GranularityContext ctx) {
        Granularity.Kind kind = switch (ctx.getStart().getType()) {
            case PrecParser.PER_TENSOR -> Granularity.Kind.PER_TENSOR;
            case PrecParser.PER_CHANNEL -> Granularity.Kind.PER_CHANNEL;
            case PrecParser.PER_TOKEN -> Granularity.Kind.PER_TOKEN;
            default -> Granularity.Kind.PER_GROUP;
        };
        Optional<Expr> group = ctx.expression() == null ? Optional.empty() : Optional.of(expression(ctx.expression()));
        return new Granularity(kind, group, span(ctx));
    }

    /** {@code rounding} as an AST qualifier. */
    Rounding rounding(RoundingContext ctx) {
        Rounding.Kind kind = ctx.NEAREST() != null ? Rounding.Kind.NEAREST : Rounding.Kind.STOCHASTIC;
        return new Rounding(kind, span(ctx));
    }

    /** A call's arguments: positional first, then named. */
    Expr call(Expr callee, ArgumentsContext ctx, Span span) {
        List<Expr> positional = new ArrayList<>();
        List<NamedArg> named = new ArrayList<>();
        if (ctx != null) {
            for (ArgumentContext argument : ctx.argument()) {
                switch (argument) {
                    case NamedArgumentContext n -> named.add(
                            new NamedArg(name(n.anyName()), expression(n.expression()), span(n)));
                    case PositionalArgumentContext p -> {
                        if (!named.isEmpty()) {
                            throw new BuildError(span(p), "a positional argument cannot follow named arguments",
                                    "name it, or move it before '" + named.getFirst().name() + ":'");
                        }
                        positional.add(expression(p.expression()));
                    }
                    default -> throw unexpected(argument);
                }
            }
        }
        return new Expr.Call(callee, positional, named, span);
    }

    /** The fields of a record literal. */
    List<Field> fields(List<FieldContext> ctx) {
        List<Field> fields = new ArrayList<>();
        for (FieldContext f : ctx) {
            Name key = f.anyName() != null ? name(f.anyName()) : stringKey(f.STRING().getSymbol());
            fields.add(new Field(key, expression(f.expression()), span(f)));
        }
        return fields;
    }

    private Name stringKey(Token string) {
        Span span = TokenSpans.of(file, string);
        String text = Literals.string(string.getText(), span);
        if (text.isEmpty()) {
            throw new BuildError(span, "a record key cannot be empty", "");
        }
        return new Name(text, span);
    }

    Name name(ParserRuleContext ctx) {
        return new Name(ctx.getText(), span(ctx));
    }

    Span span(ParserRuleContext ctx) {
        return TokenSpans.between(file, ctx.getStart(), ctx.getStop());
    }

    String file() {
        return file;
    }

    static IllegalStateException unexpected(ParserRuleContext ctx) {
        return new IllegalStateException("parse tree shape the builder does not know: " + ctx.getClass().getSimpleName());
    }
}
