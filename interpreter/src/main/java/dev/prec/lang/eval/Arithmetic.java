package dev.prec.lang.eval;

import dev.prec.lang.ast.Operator;
import dev.prec.lang.diag.Span;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RangeValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.List;

/** Binary operators on values, with the unit rules the checker enforces statically. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Value binary(Operator op, Value left, Value right, Span at) {
        return switch (op) {
            case ADD -> left instanceof StringValue a && right instanceof StringValue b
                    ? new StringValue(a.value() + b.value()) : sum(op, number(left, at), number(right, at), at);
            case SUBTRACT -> sum(op, number(left, at), number(right, at), at);
            case MULTIPLY -> {
                NumberValue a = number(left, at);
                NumberValue b = number(right, at);
                yield new NumberValue(a.value() * b.value(), Unit.ofProduct(a.unit(), b.unit()));
            }
            case DIVIDE -> {
                NumberValue a = number(left, at);
                NumberValue b = number(right, at);
                yield new NumberValue(a.value() / b.value(), Unit.ofQuotient(a.unit(), b.unit()));
            }
            case POWER -> NumberValue.of(Math.pow(number(left, at).value(), number(right, at).value()));
            case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> BoolValue.of(compare(op, left, right, at));
            case EQUAL -> BoolValue.of(same(left, right));
            case NOT_EQUAL -> BoolValue.of(!same(left, right));
            case IN -> BoolValue.of(elements(right, at).stream().anyMatch(e -> same(left, e)));
            case AND, OR, NEGATE, NOT -> throw new ScriptError(at, "runtime", "'" + op.symbol() + "' is not evaluated here");
        };
    }

    static NumberValue number(Value v, Span at) {
        if (v instanceof NumberValue n) {
            return n;
        }
        throw new ScriptError(at, "type", "expected a number, got a " + v.type().describe());
    }

    static boolean truth(Value v, Span at) {
        if (v instanceof BoolValue b) {
            return b.value();
        }
        throw new ScriptError(at, "type", "expected true or false, got a " + v.type().describe());
    }

    private static NumberValue sum(Operator op, NumberValue a, NumberValue b, Span at) {
        Unit u = Unit.ofSum(a.unit(), b.unit()).orElseThrow(() -> new ScriptError(at, "unit",
                "cannot combine " + a.unit().word() + " and " + b.unit().word() + " with '" + op.symbol() + "'"));
        return new NumberValue(op == Operator.ADD ? a.value() + b.value() : a.value() - b.value(), u);
    }

    private static boolean compare(Operator op, Value left, Value right, Span at) {
        NumberValue a = number(left, at);
        NumberValue b = number(right, at);
        if (!a.unit().accepts(b.unit())) {
            throw new ScriptError(at, "unit", "'" + op.symbol() + "' compares " + a.unit().word() + " with " + b.unit().word());
        }
        return switch (op) {
            case LESS -> a.value() < b.value();
            case LESS_OR_EQUAL -> a.value() <= b.value();
            case GREATER -> a.value() > b.value();
            default -> a.value() >= b.value();
        };
    }

    /**
     * Equality as a script means it: numbers by value (a plain number equals the same number with a
     * unit), a format equals the precision that uses it everywhere, anything else structurally.
     */
    static boolean same(Value a, Value b) {
        if (a instanceof NumberValue x && b instanceof NumberValue y) {
            return x.value() == y.value() && x.unit().accepts(y.unit());
        }
        if (a instanceof PrecisionValue || b instanceof PrecisionValue) {
            PrecisionValue pa = asPrecision(a);
            PrecisionValue pb = asPrecision(b);
            return pa != null && pa.equals(pb);
        }
        if (a instanceof FormatValue f && b instanceof QuantValue q) {
            return QuantValue.of(f).equals(q);
        }
        if (a instanceof QuantValue q && b instanceof FormatValue f) {
            return QuantValue.of(f).equals(q);
        }
        return a.equals(b);
    }

    private static PrecisionValue asPrecision(Value v) {
        return switch (v) {
            case PrecisionValue p -> p;
            case FormatValue f -> PrecisionValue.uniform(QuantValue.of(f));
            case QuantValue q -> PrecisionValue.uniform(q);
            default -> null;
        };
    }

    static List<Value> elements(Value v, Span at) {
        return switch (v) {
            case ListValue l -> l.elements();
            case RangeValue r -> r.elements();
            default -> throw new ScriptError(at, "type", "expected a list or range, got a " + v.type().describe());
        };
    }
}
