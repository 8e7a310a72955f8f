package dev.prec.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fit and a bootstrap are pure functions of data, options and seed (ARCHITECTURE.md): the same
 * bits whether repeated in one JVM while the JIT warms up, and whatever the thread count. The laws
 * chosen exercise every column kernel the fitter's time goes to: exp of mixed columns, log of the
 * predictions, non-integer powers as exp(b log a), and leveled (few-valued) precision columns.
 */
class FitDeterminismTest {

    private static void assertSameBits(FitResult expected, FitResult actual, String what) {
        assertEquals(expected.values(), actual.values(), what);
        assertEquals(Double.doubleToRawLongBits(expected.objective()), Double.doubleToRawLongBits(actual.objective()),
                what + ": objective " + expected.objective() + " vs " + actual.objective());
        assertArrayEquals(expected.convergence().x(), actual.convergence().x(), what);
        assertEquals(expected.quality(), actual.quality(), what);
    }

    @Test
    void theSameFitRepeatedWhileTheJitWarmsUpGivesTheSameBits() {
        for (String name : new String[] {"kumar2024.weights", "chinchilla"}) {
            Law law = LawRegistry.get(name);
            RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0.005, 21);
            FitOptions o = FitOptions.defaults().withGrid(2, 32).withThreads(2);
            FitResult first = Fitter.fit(law, runs, o);
            for (int k = 1; k < 5; k++) {
                assertSameBits(first, Fitter.fit(law, runs, o), name + ", repeat " + k);
            }
        }
    }

    @Test
    void oneTwoAndThreeThreadsGiveTheSameBits() {
        Law law = LawRegistry.get("kumar2024.weights");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0.005, 22);
        FitOptions o = FitOptions.defaults().withGrid(2, 32);
        FitResult one = Fitter.fit(law, runs, o.withThreads(1));
        for (int threads : new int[] {2, 3, 1, 3, 2}) {
            assertSameBits(one, Fitter.fit(law, runs, o.withThreads(threads)), threads + " threads");
        }
    }

    @Test
    void aBootstrapWithAFixedSeedGivesTheSameBitsRepeatedAndOnAnyThreadCount() {
        Law law = LawRegistry.get("chinchilla");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0.005, 23);
        FitOptions o = FitOptions.defaults().withGrid(2, 32);
        BootstrapResult reference = null;
        for (int threads : new int[] {1, 2, 3, 2, 1}) {
            FitResult fit = Fitter.fit(law, runs, o.withThreads(threads));
            BootstrapResult b = Bootstrap.run(fit, 12, 0.9, 5,
                    v -> Map.of("a", v.get("beta") / (v.get("alpha") + v.get("beta"))));
            if (reference == null) {
                reference = b;
            }
            assertEquals(reference, b, threads + " threads");
        }
    }
}
