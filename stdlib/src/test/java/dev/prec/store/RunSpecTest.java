package dev.prec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSpecTest {

    @Test
    void keyIsTheSha256OfTheCanonicalJson() {
        // Known vector: SHA-256 of the two bytes "{}".
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                RunSpec.of(Map.of()).key());
    }

    @Test
    void equalSpecsHaveEqualKeysAndAnyChangedValueChangesTheKey() {
        RunSpec a = RunSpec.of(Map.of("model", Map.of("width", 64, "layers", 2), "seed", 0, "lr", 3e-3));
        RunSpec b = RunSpec.of(Map.of("lr", 0.003, "seed", 0L, "model", Map.of("layers", 2.0, "width", 64)));
        RunSpec c = RunSpec.of(Map.of("lr", 0.003, "seed", 1, "model", Map.of("layers", 2, "width", 64)));
        assertEquals(a, b);
        assertNotEquals(a.key(), c.key());
        assertEquals(a, RunSpec.parse(a.json()));
    }

    @Test
    void aSpecWhoseKeyDoesNotMatchItsJsonIsRejected() {
        RunSpec a = RunSpec.of(Map.of("seed", 0));
        RunSpec b = RunSpec.of(Map.of("seed", 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSpec(a.json(), b.key()));
        assertThrows(IllegalArgumentException.class, () -> new RunSpec("{ \"seed\": 0 }", a.key()));
    }
}
