package dev.prec.lang.check;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Unit;
import java.util.Optional;

/** Types of binary operators, with unit rules: add like units, multiply freely, compare like units. */
final class Operators {
    private Operators() {
    }

    static Type binary(CheckContext ctx, Expr.Binary b, Type left, Type right) {
        String op = b.operator().symbol();
        return switch (b.operator()) {
            case ADD, SUBTRACT -> {
                if (b.operator() == dev.prec.lang.ast.Operator.ADD && isString(left) && isString(right)) {
                    yield Type.STRING;
                }
                yield sum(ctx, b, left, right);
            }
            case MULTIPLY, DIVIDE, POWER -> {
                if (!numbers(ctx, b, left, right)) {
                    yield Type.ERROR;
                }
                if (left instanceof Type.Num l && right instanceof Type.Num r) {
                    yield switch (b.operator()) {
                        case MULTIPLY -> Type.number(Unit.ofProduct(l.unit(), r.unit()));
                        case DIVIDE -> Type.number(Unit.ofQuotient(l.unit(), r.unit()));
                        default -> Type.NUMBER;
                    };
                }
                yield Type.NUMBER;
            }
            case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> {
                if (numbers(ctx, b, left, right) && left instanceof Type.Num l && right instanceof Type.Num r
                        && !l.unit().accepts(r.unit())) {
                    yield ctx.error(b.operatorSpan(), "unit", "'" + op + "' compares " + l.unit().word() + " with "
                            + r.unit().word(), "");
                }
                yield Type.BOOL;
            }
            case EQUAL, NOT_EQUAL -> {
                if (left instanceof Type.Num l && right instanceof Type.Num r && !l.unit().accepts(r.unit())) {
                    yield ctx.error(b.operatorSpan(), "unit", "'" + op + "' compares " + l.unit().word() + " with "
                            + r.unit().word(), "");
                }
                yield Type.BOOL;
            }
            case IN -> {
                boolean collection = right.isLoose() || right instanceof Type.ListOf
                        || right.equals(Type.of(Type.Kind.RANGE));
                if (!collection) {
                    yield ctx.error(b.right().span(), "type", "the right side of 'in' must be a list or range, not a "
                            + right.describe(), "");
                }
                yield Type.BOOL;
            }
            case AND, OR -> {
                ctx.expect(Type.BOOL, left, b.left().span(), "the left side of '" + op + "'");
                ctx.expect(Type.BOOL, right, b.right().span(), "the right side of '" + op + "'");
                yield Type.BOOL;
            }
            case NEGATE, NOT -> ctx.error(b.operatorSpan(), "type", "'" + op + "' takes one operand", "");
        };
    }

    private static boolean isString(Type t) {
        return t.equals(Type.STRING);
    }

    private static Type sum(CheckContext ctx, Expr.Binary b, Type left, Type right) {
        if (!numbers(ctx, b, left, right)) {
            return Type.ERROR;
        }
        if (left instanceof Type.Num l && right instanceof Type.Num r) {
            Optional<Unit> u = Unit.ofSum(l.unit(), r.unit());
            if (u.isEmpty()) {
                return ctx.error(b.operatorSpan(), "unit", "cannot " + (b.operator() == dev.prec.lang.ast.Operator.ADD
                        ? "add " : "subtract ") + r.unit().word() + (b.operator() == dev.prec.lang.ast.Operator.ADD
                        ? " to " : " from ") + l.unit().word(), "");
            }
            return Type.number(u.get());
        }
        return Type.NUMBER;
    }

    private static boolean numbers(CheckContext ctx, Expr.Binary b, Type left, Type right) {
        boolean ok = ctx.expect(Type.NUMBER, left, b.left().span(), "the left side of '" + b.operator().symbol() + "'");
        return ctx.expect(Type.NUMBER, right, b.right().span(), "the right side of '" + b.operator().symbol() + "'") && ok;
    }
}
