package dev.prec.lang.parse;

import dev.prec.grammar.PrecParser.*;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Granularity;
import dev.prec.lang.ast.Quantity;
import dev.prec.lang.ast.Rounding;
import dev.prec.lang.diag.Span;
import java.util.Optional;

/** The tightest-binding part of {@link AstBuilder}: primaries and their suffixes (calls, members, qualifiers). */
final class PostfixBuilder {
    private PostfixBuilder() {
    }

    static Expr postfix(AstBuilder b, PostfixContext ctx) {
        Expr result = primary(b, ctx.primary());
        for (SuffixContext suffix : ctx.suffix()) {
            Span span = result.span().to(b.span(suffix));
            result = switch (suffix) {
                case CallSuffixContext c -> b.call(result, c.arguments(), span);
                case MemberSuffixContext c -> new Expr.Member(result, b.name(c.anyName()), span);
                case IndexSuffixContext c -> new Expr.Index(result, b.expression(c.expression()), span);
                case GranularitySuffixContext c -> qualify(result, Optional.of(b.granularity(c.granularity())),
                        Optional.empty(), span);
                case RoundingSuffixContext c -> qualify(result, Optional.empty(), Optional.of(b.rounding(c.rounding())),
                        span);
                default -> throw AstBuilder.unexpected(suffix);
            };
        }
        return result;
    }

    /** Adds a qualifier to a format, merging with the qualifiers just written before it. */
    private static Expr qualify(Expr format, Optional<Granularity> granularity, Optional<Rounding> rounding, Span span) {
        if (!(format instanceof Expr.Qualified q)) {
            return new Expr.Qualified(format, granularity, rounding, span);
        }
        if (granularity.isPresent() && q.granularity().isPresent()) {
            throw new AstBuilder.BuildError(granularity.get().span(), "a format takes one granularity, but "
                    + q.granularity().get().kind().word() + " was already given", "");
        }
        if (rounding.isPresent() && q.rounding().isPresent()) {
            throw new AstBuilder.BuildError(rounding.get().span(), "a format takes one rounding, but "
                    + q.rounding().get().kind().word() + " was already given", "");
        }
        return new Expr.Qualified(q.format(), granularity.or(q::granularity), rounding.or(q::rounding), span);
    }

    private static Expr primary(AstBuilder b, PrimaryContext ctx) {
        Span span = b.span(ctx);
        return switch (ctx) {
            case NumberLiteralContext c -> {
                Quantity.Unit unit = c.unit() == null ? Quantity.Unit.NONE : Quantity.Unit.ofWord(c.unit().getText());
                String text = c.NUMBER().getText() + (c.unit() == null ? "" : " " + c.unit().getText());
                yield new Expr.Num(Literals.number(c.NUMBER().getText(), unit, span), text, span);
            }
            case StringLiteralContext c -> new Expr.Str(Literals.string(c.STRING().getText(), span), span);
            case BoolLiteralContext c -> new Expr.Bool(c.TRUE() != null, span);
            case NameReferenceContext c -> new Expr.Ref(b.name(c.name()));
            case ListLiteralContext c -> new Expr.ListLit(c.expression().stream().map(b::expression).toList(), span);
            case RecordLiteralContext c -> new Expr.RecordLit(b.fields(c.field()), span);
            case ParenthesizedContext c -> b.expression(c.expression());
            default -> throw AstBuilder.unexpected(ctx);
        };
    }
}
