package dev.prec.lang.parse;

import dev.prec.lang.ast.Quantity;
import dev.prec.lang.diag.Span;
import java.math.BigDecimal;

/** Number and string literals from their token text to values. */
final class Literals {
    private Literals() {
    }

    /**
     * The value of a NUMBER token: digits (with optional '_' separators), fraction and exponent, then an
     * optional scale suffix. Scaled in decimal, so {@code 1.1B} is the double nearest 1.1e9.
     *
     * @param text the token text, e.g. {@code "1.5B"}, {@code "6.2e-4"}, {@code "10%"}
     * @param unit the unit written after it
     * @param span where the literal is, for the error
     * @throws AstBuilder.BuildError if the value overflows a double, or is not 0 but rounds to 0
     */
    static Quantity number(String text, Quantity.Unit unit, Span span) {
        char last = text.charAt(text.length() - 1);
        Quantity.Scale scale = Character.isDigit(last) ? Quantity.Scale.NONE : Quantity.Scale.ofSymbol(String.valueOf(last));
        String digits = (scale == Quantity.Scale.NONE ? text : text.substring(0, text.length() - 1)).replace("_", "");
        BigDecimal exact;
        try {
            exact = new BigDecimal(digits).multiply(factor(scale));
        } catch (NumberFormatException | ArithmeticException exponentBeyondInt) {
            throw outOfRange(text, span, digits.matches(".*[eE]-.*"));
        }
        double value = exact.doubleValue();
        if (Double.isInfinite(value)) {
            throw outOfRange(text, span, false);
        }
        if (value == 0 && exact.signum() != 0) {
            throw outOfRange(text, span, true);
        }
        return new Quantity(value, scale, unit);
    }

    private static AstBuilder.BuildError outOfRange(String text, Span span, boolean tooSmall) {
        return tooSmall
                ? new AstBuilder.BuildError(span, "the number " + text + " is too small to tell from 0",
                        "the smallest positive number is about 4.9e-324; write 0 if you mean 0")
                : new AstBuilder.BuildError(span, "the number " + text + " is too large",
                        "the largest number is about 1.8e308");
    }

    private static BigDecimal factor(Quantity.Scale scale) {
        return switch (scale) {
            case NONE -> BigDecimal.ONE;
            case K -> new BigDecimal("1e3");
            case M -> new BigDecimal("1e6");
            case B -> new BigDecimal("1e9");
            case T -> new BigDecimal("1e12");
            case PERCENT -> new BigDecimal("0.01");
        };
    }

    /**
     * The characters of a STRING token: quotes removed, escapes {@code \"}, {@code \\}, {@code \n},
     * {@code \t} resolved.
     *
     * @param token the token text including both quotes
     * @param span where the literal is, for the error
     * @throws AstBuilder.BuildError on any other escape
     */
    static String string(String token, Span span) {
        String body = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '"', '\\' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                default -> {
                    Span at = new Span(span.file(), span.line(), span.column() + i, span.line(), span.column() + i + 2);
                    throw new AstBuilder.BuildError(at, "unknown escape '\\" + e + "' in a string",
                            "the escapes are \\\" \\\\ \\n \\t; write '\\\\' for a backslash");
                }
            }
        }
        return out.toString();
    }
}
