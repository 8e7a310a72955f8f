package dev.prec.lang.guest;

import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * Values across the guest boundary: numbers, strings, booleans, lists and records (a run table goes in
 * as a list of its rows), copied both ways
 * (a guest never holds a reference to a host object). Anything else is an {@link IllegalArgumentException}.
 */
final class GuestValues {
    /** Nested lists and records deeper than this are refused rather than risking the host stack. */
    private static final int MAX_DEPTH = 64;

    private GuestValues() {
    }

    /**
     * @param what names the value in a message, e.g. "argument 'N'"
     * @throws IllegalArgumentException for a prec value with no guest counterpart
     */
    static Object toGuest(Context context, dev.prec.lang.value.Value v, String what) {
        return toGuest(context, v, what, 0);
    }

    private static Object toGuest(Context context, dev.prec.lang.value.Value v, String what, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(what + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        return switch (v) {
            case NumberValue n -> n.value();
            case StringValue s -> s.value();
            case BoolValue b -> b.value();
            case ListValue l -> {
                Value array = context.eval("js", "[]");
                for (int i = 0; i < l.elements().size(); i++) {
                    array.setArrayElement(i, toGuest(context, l.elements().get(i), what + "[" + i + "]", depth + 1));
                }
                yield array;
            }
            case RunTable t -> toGuest(context, new ListValue(t.rows().stream()
                    .map(r -> (dev.prec.lang.value.Value) r.fields()).toList()), what, depth);
            case RecordValue r -> {
                Value object = context.eval("js", "({})");
                r.fields().forEach((k, x) -> object.putMember(k, toGuest(context, x, what + "." + k, depth + 1)));
                yield object;
            }
            default -> throw new IllegalArgumentException(what + " is a " + v.type().describe()
                    + "; only numbers, strings, booleans, lists and records cross into JavaScript");
        };
    }

    /**
     * @param what names the value in a message, e.g. "the result of cost"
     * @throws IllegalArgumentException for a guest value with no prec counterpart (undefined, null, a function, ...)
     */
    static dev.prec.lang.value.Value toPrec(Value v, String what) {
        return toPrec(v, what, 0);
    }

    private static dev.prec.lang.value.Value toPrec(Value v, String what, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(what + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (v.isBoolean()) {
            return BoolValue.of(v.asBoolean());
        }
        if (v.isNumber() && v.fitsInDouble()) {
            return NumberValue.of(v.asDouble());
        }
        if (v.isString()) {
            return new StringValue(v.asString());
        }
        if (v.hasArrayElements()) {
            List<dev.prec.lang.value.Value> out = new ArrayList<>();
            for (long i = 0; i < v.getArraySize(); i++) {
                out.add(toPrec(v.getArrayElement(i), what + "[" + i + "]", depth + 1));
            }
            return new ListValue(out);
        }
        if (v.hasMembers() && !v.canExecute() && !v.isNull() && !v.canInstantiate()) {
            Map<String, dev.prec.lang.value.Value> out = new LinkedHashMap<>();
            for (String k : v.getMemberKeys()) {
                out.put(k, toPrec(v.getMember(k), what + "." + k, depth + 1));
            }
            return new RecordValue(out);
        }
        throw new IllegalArgumentException(what + " is " + describe(v)
                + "; only numbers, strings, booleans, arrays and plain objects come back from JavaScript");
    }

    /** A short description of a guest value for messages. */
    static String describe(Value v) {
        if (v.isNull()) {
            return v.toString();
        }
        if (v.canExecute()) {
            return "a function";
        }
        return "a value of JavaScript type " + v.getMetaObject().getMetaSimpleName();
    }

    /**
     * The declared parameter names of a JavaScript function, read from its source text; functions whose
     * parameters are not plain names (destructuring, rest) get {@code x1, x2, ...} by arity.
     */
    static List<String> parameterNames(Value function) {
        String text = function.toString().strip();
        String list = null;
        int arrow = text.indexOf("=>");
        int open = text.indexOf('(');
        if (arrow >= 0 && (open < 0 || open > arrow)) {
            String before = text.substring(0, arrow).strip();
            list = before.startsWith("async ") ? before.substring(6).strip() : before;
        } else if (open >= 0) {
            int close = text.indexOf(')', open);
            list = close > open ? text.substring(open + 1, close) : null;
        }
        List<String> names = new ArrayList<>();
        if (list != null) {
            for (String part : list.split(",")) {
                String name = part.split("=", 2)[0].strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        boolean plain = list != null && names.stream().allMatch(n -> n.matches("[\\p{L}_$][\\p{L}\\p{Nd}_$]*"));
        if (plain) {
            return names;
        }
        Value length = function.getMember("length");
        int arity = length != null && length.fitsInInt() ? length.asInt() : 0;
        List<String> generated = new ArrayList<>();
        for (int i = 1; i <= arity; i++) {
            generated.add("x" + i);
        }
        return generated;
    }
}
