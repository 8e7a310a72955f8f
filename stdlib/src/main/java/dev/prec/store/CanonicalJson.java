package dev.prec.store;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON: one text per value, so equal specs hash equally.
 *
 * <p>Values are plain Java objects: {@code null}, {@link Boolean}, {@link String}, integral
 * numbers ({@link Byte}, {@link Short}, {@link Integer}, {@link Long}), {@link Float} and
 * {@link Double}, {@link List} and {@link Map} with {@link String} keys. Writing sorts object keys
 * by UTF-16 code unit, emits no whitespace, and spells numbers the way RFC 8785 (JSON
 * Canonicalization Scheme) does, after ECMAScript's Number.prototype.toString: the shortest digits
 * that round-trip, plain notation for exponents in [-6, 21), so {@code 3}, {@code 3L} and
 * {@code 3.0} are all {@code 3} and {@code 1e-7} is {@code 1e-7}. Reading gives {@link Long} for
 * integers that fit, {@link Double} otherwise, {@link TreeMap} for objects, unmodifiable lists.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * Writes a value as canonical JSON.
     *
     * @param value a value of the kinds listed in the class comment
     * @return its canonical text
     * @throws IllegalArgumentException if {@code value} holds another kind of object, a non-string
     *     map key, or a NaN or infinite number (JSON has none)
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * Reads JSON text (canonical or not).
     *
     * @param text JSON text holding exactly one value
     * @return the value, with the Java kinds listed in the class comment
     * @throws IllegalArgumentException if {@code text} is not JSON, naming the offset
     */
    public static Object read(String text) {
        JsonReader reader = new JsonReader(text);
        return reader.readDocument();
    }

    /**
     * Spells a finite number as canonical JSON does.
     *
     * @param value any finite double; {@code -0.0} is written {@code 0}
     * @return the canonical spelling
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no spelling for " + value);
        }
        if (value == 0.0) {
            return "0";
        }
        BigDecimal decimal = shortestDigits(Math.abs(value));
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale(); // value = 0.digits * 10^n
        String sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent > 0 ? "+" : "-") + Math.abs(exponent);
    }

    /**
     * The shortest decimal that reads back as {@code value}, the closest one when several are
     * that short. Double.toString is shortest (JDK 19+, Giulietti's algorithm) except that it
     * always writes two digits, so {@code 4.9E-324} may hide a one-digit {@code 5E-324}.
     */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal best = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        BigDecimal exact = new BigDecimal(value);
        while (best.precision() > 1) {
            BigDecimal chosen = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = best.round(new MathContext(best.precision() - 1, mode));
                if (shorter.doubleValue() == value && (chosen == null
                        || shorter.subtract(exact).abs().compareTo(chosen.subtract(exact).abs()) < 0)) {
                    chosen = shorter;
                }
            }
            if (chosen == null) {
                break;
            }
            best = chosen.stripTrailingZeros();
        }
        return best;
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case String s -> string(s, out);
            case Byte b -> out.append(b.longValue());
            case Short s -> out.append(s.longValue());
            case Integer i -> out.append(i.longValue());
            case Long l -> out.append(l.longValue());
            case Float f -> out.append(number(f.doubleValue()));
            case Double d -> out.append(number(d));
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            case Map<?, ?> map -> object(map, out);
            default -> throw new IllegalArgumentException("no JSON form for a "
                    + value.getClass().getName() + ": " + value);
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
            }
            sorted.put(key, e.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out);
        }
        out.append('}');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A recursive-descent reader over one text; positions are offsets into it. */
    private static final class JsonReader {
        /** The text being read. */
        private final String text;
        /** Offset of the next unread character. */
        private int pos;

        JsonReader(String text) {
            this.text = text;
        }

        Object readDocument() {
            Object value = readValue();
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the value");
            }
            return value;
        }

        private Object readValue() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> readObject();
                case '[' -> readArray();
                case '"' -> readString();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield readNumber();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<String, Object> readObject() {
            pos++;
            TreeMap<String, Object> map = new TreeMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a string key");
                }
                String key = readString();
                skipSpace();
                expect(':');
                map.put(key, readValue());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return Collections.unmodifiableMap(map);
                }
            }
        }

        private List<Object> readArray() {
            pos++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            }
            while (true) {
                list.add(readValue());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return Collections.unmodifiableList(list);
                }
            }
        }

        private String readString() {
            pos++;
            StringBuilder s = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("unknown escape \\" + e);
                }
            }
        }

        private Object readNumber() {
            int start = pos;
            boolean integral = true;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.' || c == 'e' || c == 'E') {
                    integral = false;
                } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                    break;
                }
                pos++;
            }
            String token = text.substring(start, pos);
            try {
                if (integral) {
                    try {
                        return Long.parseLong(token);
                    } catch (NumberFormatException tooLong) {
                        return Double.parseDouble(token);
                    }
                }
                return Double.parseDouble(token);
            } catch (NumberFormatException bad) {
                throw error("malformed number '" + token + "'");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + what);
        }
    }
}
