package dev.prec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepTest {

    private static Map<String, Object> resolve(Point p) {
        Map<String, Object> spec = new LinkedHashMap<>(p.values());
        spec.put("data", "markov-7f3a");
        spec.put("trainer", "1");
        return spec;
    }

    @Test
    void theProductVisitsEveryCombinationWithTheFirstAxisSlowest() {
        Sweep sweep = Sweep.of(Axis.of("width", List.of(32, 64)), Axis.of("bits", List.of(4, 8, 16)));
        List<String> seen = sweep.points().stream().map(p -> p.get("width") + "/" + p.get("bits")).toList();
        assertEquals(List.of("32/4", "32/8", "32/16", "64/4", "64/8", "64/16"), seen);
    }

    @Test
    void whereKeepsOnlyAcceptedPointsAndConstraintsCombine() {
        Sweep sweep = Sweep.of(Axis.of("width", List.of(32, 64, 128)), Axis.of("bits", List.of(4, 8, 16)))
                .where(p -> p.number("bits") < 16)
                .where(p -> p.number("width") * p.number("bits") <= 512);
        List<String> seen = sweep.points().stream().map(p -> p.get("width") + "/" + p.get("bits")).toList();
        assertEquals(List.of("32/4", "32/8", "64/4", "64/8", "128/4"), seen);
    }

    @Test
    void addingAnAxisValueKeepsTheKeysOfTheOtherRuns() {
        List<RunSpec> before = Sweep.of(Axis.of("width", List.of(32, 64)), Axis.of("seed", List.of(0, 1)))
                .specs(SweepTest::resolve);
        List<RunSpec> after = Sweep.of(Axis.of("width", List.of(32, 48, 64)), Axis.of("seed", List.of(0, 1)))
                .specs(SweepTest::resolve);
        Set<String> afterKeys = new HashSet<>(after.stream().map(RunSpec::key).toList());
        assertTrue(afterKeys.containsAll(before.stream().map(RunSpec::key).toList()));
        assertEquals(6, afterKeys.size());
    }

    @Test
    void pointsResolvingToTheSameSpecBecomeOneRun() {
        List<RunSpec> specs = Sweep.of(Axis.of("width", List.of(32, 64)), Axis.of("note", List.of("a", "b")))
                .specs(p -> Map.of("width", p.get("width")));
        assertEquals(2, specs.size());
    }

    @Test
    void logSpacedValuesHaveAConstantRatioAndExactEnds() {
        Axis lr = Axis.logSpaced("lr", new Axis.LogSpacing(1e-4, 1e-2, 5));
        assertEquals(1e-4, lr.values().getFirst());
        assertEquals(1e-2, lr.values().getLast());
        for (int i = 1; i < 5; i++) {
            double ratio = (double) lr.values().get(i) / (double) lr.values().get(i - 1);
            assertEquals(Math.sqrt(10), ratio, 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> new Axis.LogSpacing(0, 1, 3));
    }

    @Test
    void randomAxesAreReproducibleAndGrowingTheCountKeepsEarlierValues() {
        Axis four = Axis.random("lr", new Axis.RandomDraw(1e-4, 1e-1, 4, 7, true));
        Axis six = Axis.random("lr", new Axis.RandomDraw(1e-4, 1e-1, 6, 7, true));
        Axis otherSeed = Axis.random("lr", new Axis.RandomDraw(1e-4, 1e-1, 4, 8, true));
        assertEquals(four, Axis.random("lr", new Axis.RandomDraw(1e-4, 1e-1, 4, 7, true)));
        assertEquals(four.values(), six.values().subList(0, 4));
        assertTrue(!four.equals(otherSeed));
        for (Object v : six.values()) {
            double x = (double) v;
            assertTrue(x >= 1e-4 && x < 1e-1, "out of range: " + x);
        }
    }

    @Test
    void aFamilyIsTheBaseWithEachCombinationOfVariations() {
        Map<String, List<?>> variations = new LinkedHashMap<>();
        variations.put("width", List.of(32, 64));
        variations.put("layers", List.of(2, 4));
        List<Map<String, Object>> family = Family.expand(Map.of("layers", 2, "heads", 4), variations);
        assertEquals(List.of(
                Map.of("layers", 2, "heads", 4, "width", 32), Map.of("layers", 4, "heads", 4, "width", 32),
                Map.of("layers", 2, "heads", 4, "width", 64), Map.of("layers", 4, "heads", 4, "width", 64)), family);
        Sweep sweep = Sweep.of(Axis.of("model", family), Axis.of("seed", List.of(0)));
        assertEquals(4, sweep.specs(p -> Map.of("model", p.get("model"), "seed", p.get("seed"))).size());
    }

    @Test
    void repeatedValuesAndAxisNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Axis.of("bits", List.of(4, 4)));
        assertThrows(IllegalArgumentException.class, () -> Sweep.of(Axis.of("a", List.of(1)), Axis.of("a", List.of(2))));
        assertThrows(IllegalArgumentException.class, () -> Axis.of("a", List.of()));
    }
}
