package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The presets have the ranges their specifications state, and lookup helps with typos. */
class FormatsTest {

    @Test
    void ocpFormatsHaveTheirSpecifiedMaxima() {
        // OCP 8-bit FP v1.0 table 1; OCP MX v1.0 tables 2-3.
        assertEquals(448f, Formats.FP8_E4M3.maxFinite());
        assertEquals(57344f, Formats.FP8_E5M2.maxFinite());
        assertEquals(28f, Formats.FP6_E3M2.maxFinite());
        assertEquals(7.5f, Formats.FP6_E2M3.maxFinite());
        assertEquals(6f, Formats.FP4_E2M1.maxFinite());
        assertEquals(65504f, Formats.FP16.maxFinite());
        assertEquals(Float.intBitsToFloat(0x7F7F0000), Formats.BF16.maxFinite());
    }

    @Test
    void ocpFormatsHaveTheirSpecifiedSmallestSubnormalsAndNormals() {
        assertEquals(0x1p-9f, Formats.FP8_E4M3.minSubnormal());
        assertEquals(0x1p-6f, Formats.FP8_E4M3.minNormal());
        assertEquals(0x1p-16f, Formats.FP8_E5M2.minSubnormal());
        assertEquals(0x1p-14f, Formats.FP8_E5M2.minNormal());
        assertEquals(0.0625f, Formats.FP6_E3M2.minSubnormal());
        assertEquals(0.125f, Formats.FP6_E2M3.minSubnormal());
        assertEquals(0.5f, Formats.FP4_E2M1.minSubnormal());
        assertEquals(0x1p-24f, Formats.FP16.minSubnormal());
        assertEquals(0x1p-133f, Formats.BF16.minSubnormal());
    }

    @Test
    void specialCodesFollowEachConvention() {
        assertTrue(Float.isNaN(Formats.FP8_E4M3.decode(0x7F)));
        assertEquals(448f, Formats.FP8_E4M3.decode(0x7E));
        assertEquals(256f, Formats.FP8_E4M3.decode(0x78)); // S.1111.000 is a number in E4M3
        assertEquals(Float.POSITIVE_INFINITY, Formats.FP8_E5M2.decode(0x7C));
        assertTrue(Float.isNaN(Formats.FP8_E5M2.decode(0x7D)));
        assertEquals(-6f, Formats.FP4_E2M1.decode(0xF));
        assertEquals(-0f, Formats.FP4_E2M1.decode(0x8));
        assertFalse(Formats.FP4_E2M1.hasInfinity());
    }

    @Test
    void integerFormatsUseThePapersAsymmetricRangeOrTheNarrowOne() {
        IntFormat int4 = Formats.integer(4);
        assertEquals(-8, int4.qMin());
        assertEquals(7, int4.qMax());
        IntFormat narrow = (IntFormat) Formats.byName("int4_narrow");
        assertEquals(-7, narrow.qMin());
        assertFalse(narrow.usesCode(8));
        assertEquals(-1f, int4.decode(0xF));
        assertThrows(IllegalArgumentException.class, () -> Formats.integer(1));
        assertThrows(IllegalArgumentException.class, () -> Formats.integer(17));
    }

    @Test
    void paperFloatRecipeMapsBitsToThePapersFormats() {
        String[] expected = {"e2m0", "e3m0", "e4m1", "e3m2", "e4m2", "e5m2", "e5m3", "e5m4", "e5m5", "e5m6"};
        for (int bits = 3; bits <= 12; bits++) {
            assertEquals(expected[bits - 3], Formats.paperFloat(bits).name());
        }
        assertEquals(57344f, Formats.paperFloat(8).maxFinite()); // exactly OCP fp8_e5m2
        assertThrows(IllegalArgumentException.class, () -> Formats.paperFloat(2));
        assertThrows(IllegalArgumentException.class, () -> Formats.paperFloat(13));
    }

    @Test
    void everyListedNameResolvesToAFormatOfThatName() {
        for (String name : Formats.names()) {
            NumberFormat f = Formats.byName(name);
            assertTrue(f.name().equals(name) || name.equals("mxfp8") || name.equals("mxfp6"), name);
        }
        assertInstanceOf(BlockFormat.class, Formats.byName("MXFP4"));
        assertEquals(4.25, Formats.byName("mxfp4").bitsPerElement());
        assertEquals(4.5, Formats.byName("nvfp4").bitsPerElement());
    }

    @Test
    void unknownNamesSuggestTheClosestPreset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formats.byName("fp8_e4m2"));
        assertTrue(e.getMessage().contains("did you mean"), e.getMessage());
        assertEquals("fp8_e4m3", Formats.suggest("fp8-e4m3").orElseThrow());
        assertEquals("int8", Formats.suggest("itn8").orElseThrow());
        assertTrue(Formats.suggest("completely unrelated words").isEmpty());
    }

    @Test
    void genericMinifloatsValidateTheirShape() {
        assertThrows(IllegalArgumentException.class, () -> Formats.minifloat(0, 3));
        assertThrows(IllegalArgumentException.class, () -> Formats.minifloat(9, 3));
        assertThrows(IllegalArgumentException.class, () -> Formats.minifloat(4, 11));
        assertThrows(IllegalArgumentException.class, () -> Formats.minifloat(1, 0)); // only zero and infinity
        assertEquals(240f, Formats.minifloat(4, 3).maxFinite()); // IEEE-style E4M3 reserves the top binade
    }
}
