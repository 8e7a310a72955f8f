package dev.prec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void numbersAreSpelledAsRfc8785Examples() {
        // Expected spellings from RFC 8785, appendix B (ECMAScript Number serialization).
        assertEquals("0", CanonicalJson.number(0.0));
        assertEquals("0", CanonicalJson.number(-0.0));
        assertEquals("5e-324", CanonicalJson.number(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", CanonicalJson.number(Double.MAX_VALUE));
        assertEquals("9007199254740992", CanonicalJson.number(9007199254740992.0));
        assertEquals("1e+21", CanonicalJson.number(1e21));
        assertEquals("999999999999999900000", CanonicalJson.number(999999999999999900000.0));
        assertEquals("0.000001", CanonicalJson.number(0.000001));
        assertEquals("1e-7", CanonicalJson.number(1e-7));
        assertEquals("333333333.3333333", CanonicalJson.number(333333333.3333333));
        assertEquals("-4.5", CanonicalJson.number(-4.5));
        assertEquals("0.0006", CanonicalJson.number(6e-4));
    }

    @Test
    void integralValuesHaveOneSpellingWhateverTheirJavaType() {
        assertEquals("[3,3,3,3]", CanonicalJson.write(List.of(3, 3L, 3.0, 3.0f)));
    }

    @Test
    void randomDoublesRoundTripBitForBitWithTheShortestDigits() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(x)) {
                continue;
            }
            String text = CanonicalJson.number(x);
            assertEquals(Double.doubleToLongBits(x == 0 ? 0.0 : x),
                    Double.doubleToLongBits(Double.parseDouble(text)), text);
            // No shorter digit string may name the same double: dropping the last significant
            // digit (rounding either way) must give another double. BigDecimal is the oracle.
            BigDecimal exact = new BigDecimal(text);
            int digits = exact.stripTrailingZeros().precision();
            if (digits > 1) {
                for (java.math.RoundingMode mode : List.of(java.math.RoundingMode.FLOOR,
                        java.math.RoundingMode.CEILING)) {
                    BigDecimal shorter = exact.round(new java.math.MathContext(digits - 1, mode));
                    assertTrue(shorter.doubleValue() != x, () -> text + " is not the shortest spelling");
                }
            }
        }
    }

    @Test
    void objectKeysAreSortedSoInsertionOrderDoesNotMatter() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("zeta", 1);
        a.put("alpha", Map.of("y", 2, "x", List.of(true, false)));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("alpha", Map.of("x", List.of(true, false), "y", 2.0));
        b.put("zeta", 1L);
        assertEquals(CanonicalJson.write(a), CanonicalJson.write(b));
        assertEquals("{\"alpha\":{\"x\":[true,false],\"y\":2},\"zeta\":1}", CanonicalJson.write(a));
    }

    @Test
    void readingThenWritingReproducesCanonicalText() {
        String text = "{\"a\":[1,2.5,-1e-7,null,\"q\\\"\\n\\u0001\"],\"b\":{},\"c\":1e+30}";
        assertEquals(text, CanonicalJson.write(CanonicalJson.read(text)));
        assertEquals(text, CanonicalJson.write(CanonicalJson.read(" { \"c\" : 1E30, \"b\":{},"
                + " \"a\":[1, 2.50, -0.0000001, null, \"q\\\"\\n\\u0001\"] } ")));
    }

    @Test
    void nonFiniteNumbersAndForeignObjectsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.read("{\"a\":1"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.read("[1] 2"));
    }
}
