package dev.prec.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON array of flat objects (RFC 8259), each value kept as text: a small recursive-descent
 * reader, enough for run tables, that tracks lines for error messages.
 *
 * @param keys every key seen, in first-seen order
 * @param objects one map per object, key to value text (strings unquoted)
 * @param lines the 1-based line where each object starts
 */
record JsonRows(List<String> keys, List<Map<String, String>> objects, List<Integer> lines) {

    static JsonRows parse(String text, String file) {
        return new Reader(text, file).rows();
    }

    private static final class Reader {
        private final String s;
        private final String file;
        private int pos;
        private int line = 1;

        Reader(String s, String file) {
            this.s = s;
            this.file = file;
        }

        JsonRows rows() {
            Set<String> keys = new LinkedHashSet<>();
            List<Map<String, String>> objects = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            expect('[');
            if (peek() != ']') {
                do {
                    peek();
                    lines.add(line);
                    Map<String, String> obj = object();
                    keys.addAll(obj.keySet());
                    objects.add(obj);
                } while (consumeIf(','));
            }
            expect(']');
            skipSpace();
            if (pos < s.length()) {
                throw error("unexpected text after the array");
            }
            return new JsonRows(List.copyOf(keys), objects, lines);
        }

        private Map<String, String> object() {
            Map<String, String> obj = new LinkedHashMap<>();
            expect('{');
            if (peek() != '}') {
                do {
                    String key = string();
                    expect(':');
                    obj.put(key, scalar());
                } while (consumeIf(','));
            }
            expect('}');
            return obj;
        }

        private String scalar() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{' || c == '[') {
                throw error("nested objects and arrays are not supported in a run table");
            }
            int start = pos;
            while (pos < s.length() && ",}] \t\r\n".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a value");
            }
            return s.substring(start, pos);
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != '"') {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(pos, Math.min(pos + 4, s.length())), 16));
                            pos += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    sb.append(c);
                }
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            pos++;
            return sb.toString();
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                if (s.charAt(pos) == '\n') {
                    line++;
                }
                pos++;
            }
        }

        private char peek() {
            skipSpace();
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private boolean consumeIf(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consumeIf(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private TableFormatException error(String message) {
            return new TableFormatException(file, line, message);
        }
    }
}
