package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Value tables list exactly the representable values, with the specifications' landmarks. */
class ValueTableTest {

    @Test
    void fp4TableIsTheOcpListOfValues() {
        float[] expected = {-6, -4, -3, -2, -1.5f, -1, -0.5f, -0f, 0, 0.5f, 1, 1.5f, 2, 3, 4, 6};
        assertArrayEquals(expected, ValueTable.of(Formats.FP4_E2M1).values());
    }

    @Test
    void e4m3LandmarksMatchTheOcpSpecification() {
        ValueTable t = ValueTable.of(Formats.FP8_E4M3);
        assertEquals(448f, t.maxValue());
        assertEquals(0x1p-9f, t.minPositive());
        assertEquals(0x1p-6f, t.minNormal());
        assertEquals(0.875f * 0x1p-6f, t.maxSubnormal());
        assertEquals(256 - 2, t.entries().size()); // every code but the two NaNs, both zeros kept
    }

    @Test
    void integerTablesAreTheIntegersOfTheRange() {
        assertArrayEquals(new float[] {-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7},
                ValueTable.of(Formats.integer(4)).values());
        assertEquals(7, ValueTable.of((ElementFormat) Formats.byName("int3_narrow")).entries().size());
        assertTrue(Float.isNaN(ValueTable.of(Formats.integer(4)).minNormal()));
    }

    @Test
    void renderedTableListsEveryNonNegativeValueWithItsCode() {
        String text = ValueTable.of(Formats.FP4_E2M1).render();
        assertTrue(text.contains("| 0x7 | 6.0 |"), text);
        assertTrue(text.contains("- min normal: 1.0"), text);
        assertEquals(8, text.lines().filter(l -> l.startsWith("| 0x")).count());
    }

    @Test
    void formatsPageIsCurrent() throws IOException {
        Path page = Path.of("..", "docs", "formats.md");
        assumeTrue(Files.exists(page), "docs/formats.md is not beside this module (tests not run from the repository)");
        assertEquals(FormatCatalog.render(), Files.readString(page),
                "docs/formats.md is stale: regenerate it from FormatCatalog.render()");
    }
}
