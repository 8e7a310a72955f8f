package dev.prec.lang.bind.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.report.PageAssertions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code report} at the end of a script that reads runs, fits, optimizes, plots and prints: the page
 * parses as XML, has every section, inlines every plot the run wrote, and refers to nothing outside itself.
 */
class ReportScriptTest {
    @TempDir
    Path dir;

    /** Runs from Chinchilla's published law (Hoffmann et al. 2022) with 1% multiplicative noise. */
    private void writeRuns(Path csv) throws Exception {
        Random r = new Random(4);
        StringBuilder b = new StringBuilder("N,D,loss\n");
        for (double n : new double[] {7e7, 2e8, 6e8, 2e9}) {
            for (double ratio : new double[] {10, 20, 40, 80}) {
                double d = n * ratio;
                double loss = (406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28) + 1.69) * (1 + 0.01 * r.nextGaussian());
                b.append(String.format(Locale.ROOT, "%.0f,%.0f,%.6f%n", n, d, loss));
            }
        }
        Files.writeString(csv, b.toString());
    }

    private static final String SCRIPT = """
            runs = csv("runs.csv")
            fitted = fit chinchilla() to runs with { start_grid: 2, bootstrap: 20, seed: 1 }
            paper = kumar2024.training
            best = optimize paper for budget 1e21 bitflops
            print "P* of the paper at 1e21 bit-FLOPs:"
            print best.bits
            plot fitted against runs to "out/loss.png" with { width: 400, height: 300 }
            plot paper against best to "out/contours.svg"
            plot paper to "out/frontier.png" with { kind: "bits_vs_budget", points: 6, width: 400, height: 300 }
            report to "out/study.html" with { title: "Chinchilla & <friends>" }
            """;

    @Test
    void theReportOfARunHasEverySectionEveryPlotInlineAndNoExternalReference() throws Exception {
        writeRuns(dir.resolve("runs.csv"));
        SourceFile source = new SourceFile("study.prec", SCRIPT);
        DiagnosticSink sink = new DiagnosticSink();
        List<String> printed = new ArrayList<>();
        boolean ran = Pipeline.withInstalledEngines().run(source, Pipeline.session(printed::add, dir), sink).isPresent();
        assertTrue(ran, DiagnosticRenderer.render(sink.all(), source));
        Document doc = parse(dir.resolve("out/study.html"));

        assertEquals("Chinchilla & <friends>", doc.getElementsByTagName("h1").item(0).getTextContent());
        List<String> ids = new ArrayList<>();
        NodeList sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            ids.add(((Element) sections.item(i)).getAttribute("id"));
        }
        assertEquals(List.of("plan", "runs", "fits", "laws", "optima", "plots", "output", "script"), ids);
        assertTrue(section(doc, "plan").strip().startsWith("Plan"), section(doc, "plan"));
        assertTrue(section(doc, "plan").contains("plan: no sweeps"), section(doc, "plan"));
        // The run table: a header row and 16 runs, labelled with its name and the expression that made it.
        assertTrue(section(doc, "runs").contains("runs") && section(doc, "runs").contains("16 runs"), section(doc, "runs"));
        assertEquals(17, rows(doc, "runs"));
        // The fit: its label, every parameter with a 95% interval from the bootstrap, its statistics.
        String fits = section(doc, "fits");
        assertTrue(fits.contains("fitted = fit chinchilla() to runs"), fits);
        for (String p : List.of("A", "alpha", "B", "beta", "E", "lower 95%", "upper 95%", "r2", "rmse")) {
            assertTrue(fits.contains(p), p + " missing from " + fits);
        }
        assertTrue(section(doc, "laws").contains("paper") && section(doc, "laws").contains("gamma_w"), section(doc, "laws"));
        String optima = section(doc, "optima");
        assertTrue(optima.contains("best = optimize paper for budget") && optima.contains("bits"), optima);
        assertTrue(section(doc, "output").contains("P* of the paper") && section(doc, "output").contains(" bits"), section(doc, "output"));
        assertTrue(section(doc, "script").contains("report to \"out/study.html\""), section(doc, "script"));

        NodeList imgs = doc.getElementsByTagName("img");
        assertEquals(3, imgs.getLength(), "one image per plot statement");
        byte[] loss = PageAssertions.inlined(((Element) imgs.item(0)).getAttribute("src"), "image/png");
        assertEquals(400, ImageIO.read(new ByteArrayInputStream(loss)).getWidth());
        byte[] contours = PageAssertions.inlined(((Element) imgs.item(1)).getAttribute("src"), "image/svg+xml");
        assertTrue(new String(contours, StandardCharsets.UTF_8).contains("<svg"));
        assertEquals(Files.size(dir.resolve("out/frontier.png")), PageAssertions.inlined(((Element) imgs.item(2)).getAttribute("src"), "image/png").length);
        assertTrue(section(doc, "plots").contains("plot paper against best to \"out/contours.svg\""), section(doc, "plots"));
        PageAssertions.assertNoExternalReference(doc);
    }

    @Test
    void aReportBeforeAnythingRanSaysEachSectionIsEmpty() throws Exception {
        SourceFile source = new SourceFile("empty.prec", "x = 1\nreport to \"empty.html\" with { source: false }\n");
        DiagnosticSink sink = new DiagnosticSink();
        assertTrue(Pipeline.withInstalledEngines().run(source, Pipeline.session(l -> { }, dir), sink).isPresent(),
                DiagnosticRenderer.render(sink.all(), source));
        Document doc = parse(dir.resolve("empty.html"));
        assertEquals("Report of empty.prec", doc.getElementsByTagName("h1").item(0).getTextContent());
        assertTrue(section(doc, "fits").contains("No fit in this run."));
        assertTrue(section(doc, "plots").contains("No plot in this run."));
        assertEquals(7, doc.getElementsByTagName("section").getLength(), "no script section with source: false");
    }

    static Document parse(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), "no report at " + file);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static String section(Document doc, String id) {
        NodeList sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            if (((Element) sections.item(i)).getAttribute("id").equals(id)) {
                return sections.item(i).getTextContent();
            }
        }
        throw new AssertionError("no section " + id);
    }

    private static int rows(Document doc, String id) {
        NodeList sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element s = (Element) sections.item(i);
            if (s.getAttribute("id").equals(id)) {
                return s.getElementsByTagName("tr").getLength();
            }
        }
        throw new AssertionError("no section " + id);
    }
}
