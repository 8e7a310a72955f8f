package dev.prec.lang.builtin;

import java.util.OptionalInt;

/**
 * The paper's way of writing float formats, {@code fp(e4, m3)}: an argument of {@code fp} that is a
 * bare word {@code e<digits>} or {@code m<digits>} means that many exponent or mantissa bits.
 */
public final class FormatShorthand {
    private FormatShorthand() {
    }

    /** The function whose arguments may use the shorthand. */
    public static final String FUNCTION = "fp";

    /**
     * @param word the bare word written as an argument
     * @param position the argument's position: 0 (exponent, prefix {@code e}) or 1 (mantissa, prefix {@code m})
     * @return the number of bits, or empty when {@code word} is not the shorthand for that position
     */
    public static OptionalInt bits(String word, int position) {
        char prefix = position == 0 ? 'e' : position == 1 ? 'm' : 0;
        if (prefix == 0 || word.length() < 2 || word.length() > 3 || word.charAt(0) != prefix) {
            return OptionalInt.empty();
        }
        for (int i = 1; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(word.substring(1)));
    }
}
