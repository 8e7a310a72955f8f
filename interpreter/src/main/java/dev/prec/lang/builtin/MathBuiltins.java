package dev.prec.lang.builtin;

import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/** Arithmetic functions on numbers and lists of numbers. */
final class MathBuiltins {
    private MathBuiltins() {
    }

    static List<Builtin> all() {
        return List.of(
                plain("exp", Math::exp, "e raised to x"),
                plain("log", Math::log, "natural logarithm of x"),
                plain("log2", x -> Math.log(x) / Math.log(2), "base-2 logarithm of x"),
                plain("log10", Math::log10, "base-10 logarithm of x"),
                plain("sqrt", Math::sqrt, "square root of x"),
                keeping("abs", Math::abs, "absolute value of x, in x's unit"),
                keeping("floor", Math::floor, "largest whole number <= x, in x's unit"),
                keeping("ceil", Math::ceil, "smallest whole number >= x, in x's unit"),
                keeping("round", Math::rint, "x rounded to the nearest whole number (ties to even), in x's unit"),
                pair("min", Math::min, "the smaller of a and b"),
                pair("max", Math::max, "the larger of a and b"),
                new Builtin(new Signature("len", List.of(Param.required("items", new Type.ListOf(Type.ANY), "a list")),
                        Type.NUMBER, "number of elements of a list"), Optional.empty(),
                        (args, ctx) -> NumberValue.of(Args.list(args, "items").elements().size())),
                new Builtin(new Signature("sum", List.of(Param.required("items", new Type.ListOf(Type.NUMBER), "numbers")),
                        Type.NUMBER, "sum of a list of numbers, in their common unit"), Optional.empty(),
                        (args, ctx) -> sum(Args.list(args, "items"))));
    }

    private static Builtin plain(String name, DoubleUnaryOperator f, String doc) {
        return new Builtin(new Signature(name, List.of(Param.required("x", Type.NUMBER, "a number")), Type.NUMBER, doc),
                Optional.empty(), (args, ctx) -> NumberValue.of(f.applyAsDouble(Args.real(args, "x"))));
    }

    private static Builtin keeping(String name, DoubleUnaryOperator f, String doc) {
        return new Builtin(new Signature(name, List.of(Param.required("x", Type.NUMBER, "a number")), Type.NUMBER, doc),
                Optional.empty(), (args, ctx) -> {
                    NumberValue x = Args.number(args, "x");
                    return new NumberValue(f.applyAsDouble(x.value()), x.unit());
                });
    }

    private interface DoubleBinary {
        double apply(double a, double b);
    }

    private static Builtin pair(String name, DoubleBinary f, String doc) {
        return new Builtin(new Signature(name, List.of(Param.required("a", Type.NUMBER, "a number"),
                Param.required("b", Type.NUMBER, "a number in a's unit")), Type.NUMBER, doc),
                Optional.empty(), (args, ctx) -> {
                    NumberValue a = Args.number(args, "a");
                    NumberValue b = Args.number(args, "b");
                    Unit unit = Unit.ofSum(a.unit(), b.unit()).orElseThrow(() -> new IllegalArgumentException(
                            name + " of " + a.unit().word() + " and " + b.unit().word() + " mixes units"));
                    return new NumberValue(f.apply(a.value(), b.value()), unit);
                });
    }

    private static Value sum(ListValue items) {
        double total = 0;
        Unit unit = Unit.NONE;
        for (Value v : items.elements()) {
            if (!(v instanceof NumberValue n)) {
                throw new IllegalArgumentException("sum needs numbers, got " + v.type().describe());
            }
            Unit u = unit;
            unit = Unit.ofSum(unit, n.unit()).orElseThrow(() -> new IllegalArgumentException(
                    "sum mixes " + u.word() + " and " + n.unit().word()));
            total += n.value();
        }
        return new NumberValue(total, unit);
    }
}
