package dev.prec.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equivalence acceptance test: from the same starting grid, on the same data and objective,
 * prec's fitter reaches an objective at least as low as SciPy's L-BFGS-B ({@code peers/scipy_fit.py}).
 * Runs where SciPy imports (Python from PREC_PYTHON, else python3); skipped with the reason otherwise.
 */
class ScipyEquivalenceTest {
    @TempDir
    Path dir;

    static String python() {
        String env = System.getenv("PREC_PYTHON");
        return env == null || env.isBlank() ? "python3" : env;
    }

    static Path script() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("peers/scipy_fit.py"))) {
            p = p.getParent();
        }
        return p == null ? null : p.resolve("peers/scipy_fit.py");
    }

    private static String run(Path out, String... command) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!proc.waitFor(300, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        return proc.exitValue() == 0 ? text : null;
    }

    @Test
    void precReachesAnObjectiveAtLeastAsLowAsScipyFromTheSameGrid() throws Exception {
        Path script = script();
        assumeTrue(script != null, "peers/scipy_fit.py not found above " + Path.of("").toAbsolutePath());
        String probe = run(dir.resolve("probe.txt"), python(), "-c", "import scipy, numpy; print('ok')");
        assumeTrue(probe != null && probe.contains("ok"), "SciPy does not import with " + python() + ": " + probe);

        Law law = LawRegistry.get("kumar2024.weights");
        RunTable runs = SyntheticRuns.generate(law, SyntheticRuns.truth(law), 200, 0.005, 21);
        FitOptions options = FitOptions.defaults().withGrid(2, 64).withThreads(2);
        Path problem = dir.resolve("problem.json");
        Files.writeString(problem, ProblemExport.json(law, runs, options));
        String out = run(dir.resolve("scipy.txt"), python(), script.toString(), problem.toString());
        assertTrue(out != null, "scipy_fit.py failed: " + Files.readString(dir.resolve("scipy.txt")));
        double scipy = number(out, "best");
        assertEquals(64, (int) number(out, "starts"));

        FitResult ours = Fitter.fit(law, runs, options);
        assertTrue(ours.objective() <= scipy * (1 + 1e-9),
                "prec " + ours.objective() + " vs SciPy " + scipy + " (" + out.strip() + ")");
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE+]+|Infinity)").matcher(json);
        assertTrue(m.find(), "no " + key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
