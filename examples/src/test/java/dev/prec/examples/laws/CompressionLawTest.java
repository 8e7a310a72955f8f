package dev.prec.examples.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.eval.Session;
import dev.prec.lang.value.FitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compression scaling law of Frantar et al. 2025 (SCIENCE.md section 5), as written in
 * examples/laws/frantar2025_compression.prec, fitted by that script to runs generated here from
 * known parameters by an independent Java formula: the script recovers them.
 */
class CompressionLawTest {
    private static final Path SCRIPT = Path.of("laws", "frantar2025_compression.prec").toAbsolutePath();
    /** Relative error allowed on a recovered parameter: the data are noise-free, so only the optimiser's tolerance. */
    private static final double TOLERANCE = 0.02;

    /**
     * Known parameters: a Chinchilla-like base and multipliers of the size Frantar et al. report
     * (50% sparsity near 0.87, 4-bit weight-only quantization near 0.92; 75% sparsity and 2-bit
     * weights lower).
     */
    private static final Map<String, Double> TRUTH = Map.of("A", 400.0, "alpha", 0.34, "B", 410.0, "beta", 0.28,
            "E", 1.7, "eff_s50", 0.87, "eff_s75", 0.63, "eff_w4", 0.92, "eff_w2", 0.55);

    /** The compressions of the generated sweep as (s50, s75, w4, w2): dense, each alone, and two combinations. */
    private static final int[][] COMPRESSIONS = {{0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1},
        {1, 0, 1, 0}, {0, 1, 0, 1}};

    @TempDir
    Path dir;

    /** The law written out by hand: effective parameters N times the product of the applied multipliers. */
    private static double loss(double n, double d, int[] c) {
        double eff = 1;
        String[] names = {"eff_s50", "eff_s75", "eff_w4", "eff_w2"};
        for (int k = 0; k < names.length; k++) {
            if (c[k] == 1) {
                eff *= TRUTH.get(names[k]);
            }
        }
        return TRUTH.get("A") / Math.pow(n * eff, TRUTH.get("alpha")) + TRUTH.get("B") / Math.pow(d, TRUTH.get("beta"))
                + TRUTH.get("E");
    }

    private FitResult runScript(String csv) throws IOException {
        Files.writeString(dir.resolve("frantar2025_compression.csv"), csv);
        String text = Files.readString(SCRIPT);
        List<String> printed = new ArrayList<>();
        Session session = Pipeline.session(printed::add, dir);
        DiagnosticSink sink = new DiagnosticSink();
        SourceFile source = new SourceFile(SCRIPT.getFileName().toString(), text);
        new Pipeline(Engines.installed()).run(source, session, sink);
        assertTrue(sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
        assertTrue(String.join("\n", printed).contains("fit of "), printed.toString());
        return assertInstanceOf(FitResult.class, session.lookup("fitted").orElseThrow());
    }

    @Test
    void theScriptRecoversTheBaseLawAndEveryCompressionsMultiplier() throws IOException {
        StringBuilder csv = new StringBuilder("N,D,s50,s75,w4,w2,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double d : new double[] {1e8, 1e9, 1e10, 1e11}) {
                for (int[] c : COMPRESSIONS) {
                    csv.append(String.format(Locale.ROOT, "%.17g,%.17g,%d,%d,%d,%d,%.17g%n", n, d, c[0], c[1], c[2], c[3],
                            loss(n, d, c)));
                }
            }
        }
        FitResult fit = runScript(csv.toString());
        TRUTH.forEach((name, expected) -> assertEquals(expected, fit.law().values().get(name),
                TOLERANCE * Math.abs(expected), name + " in " + fit.law().values()));
    }
}
