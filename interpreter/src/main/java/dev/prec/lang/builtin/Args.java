package dev.prec.lang.builtin;

import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;

/** Reading bound arguments; the checker has already checked their types. */
final class Args {
    private Args() {
    }

    static Value get(RecordValue args, String name) {
        return args.get(name).orElseThrow(() -> new IllegalArgumentException("missing argument '" + name + "'"));
    }

    static NumberValue number(RecordValue args, String name) {
        if (get(args, name) instanceof NumberValue n) {
            return n;
        }
        throw new IllegalArgumentException("argument '" + name + "' must be a number");
    }

    static double real(RecordValue args, String name) {
        return number(args, name).value();
    }

    /**
     * @throws IllegalArgumentException if the argument is not a whole number in {@code [min, max]}
     */
    static int whole(RecordValue args, String name, int min, int max) {
        double x = real(args, name);
        if (x != Math.rint(x) || x < min || x > max) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number from " + min + " to " + max
                    + ", got " + NumberValue.of(x).show());
        }
        return (int) x;
    }

    static String string(RecordValue args, String name) {
        if (get(args, name) instanceof StringValue s) {
            return s.value();
        }
        throw new IllegalArgumentException("argument '" + name + "' must be a string");
    }

    static boolean bool(RecordValue args, String name) {
        if (get(args, name) instanceof BoolValue b) {
            return b.value();
        }
        throw new IllegalArgumentException("argument '" + name + "' must be true or false");
    }

    /** A list argument; a range counts as the list of its elements. */
    static ListValue list(RecordValue args, String name) {
        Value v = get(args, name);
        if (v instanceof ListValue l) {
            return l;
        }
        if (v instanceof dev.prec.lang.value.RangeValue r) {
            return new ListValue(r.elements());
        }
        throw new IllegalArgumentException("argument '" + name + "' must be a list");
    }
}
