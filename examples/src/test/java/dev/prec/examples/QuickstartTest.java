package dev.prec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command runs {@code examples/quickstart.prec}: it trains, fits and optimizes
 * from a clean store within the time the README promises, and a second run reuses the stored runs.
 */
class QuickstartTest {
    /** Well under the README's three minutes, leaving room for a slower shared machine. */
    private static final Duration BUDGET = Duration.ofSeconds(150);

    private static List<String> run(Path script) throws Exception {
        SourceFile source = new SourceFile(script.getFileName().toString(), Files.readString(script));
        List<String> printed = new ArrayList<>();
        DiagnosticSink sink = new DiagnosticSink();
        boolean ran = Pipeline.withInstalledEngines()
                .run(source, Pipeline.session(printed::add, script.getParent()), sink).isPresent();
        assertTrue(ran, DiagnosticRenderer.render(sink.all(), source));
        return printed;
    }

    private static String dataHash(List<String> printed) {
        String fit = printed.stream().filter(s -> s.startsWith("fit of weights")).findFirst().orElseThrow();
        int at = fit.indexOf("data: \"");
        assertTrue(at >= 0, fit);
        return fit.substring(at, fit.indexOf('"', at + 7) + 1);
    }

    @Test
    void quickstartTrainsFitsAndOptimizesFromACleanStoreThenReusesTheRuns(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("quickstart.prec");
        Files.copy(ExamplesTest.EXAMPLES.resolve("quickstart.prec"), script);
        List<String> first = assertTimeoutPreemptively(BUDGET, () -> run(script));
        assertTrue(Files.exists(dir.resolve(".prec/runs.db")), "the run store goes beside the script");
        assertTrue(Files.size(dir.resolve("plots/quickstart-loss.png")) > 0, "the loss plot is drawn");
        assertTrue(Files.size(dir.resolve("plots/quickstart-fit.png")) > 0, "the fit plot is drawn");
        String all = String.join("\n", first);
        assertTrue(all.contains("20 runs"), all);
        assertTrue(all.contains("fit of weights"), all);
        assertTrue(all.contains("optimum"), all);
        long storeSize = Files.size(dir.resolve(".prec/runs.db"));
        List<String> second = assertTimeoutPreemptively(BUDGET, () -> run(script));
        // The stored runs are read back, not retrained: the fit's provenance hashes the same data.
        assertEquals(dataHash(first), dataHash(second));
        assertEquals(storeSize, Files.size(dir.resolve(".prec/runs.db")), "a second run adds nothing to the store");
    }
}
