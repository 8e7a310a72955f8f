package dev.prec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.plot.Axis;
import dev.prec.plot.Chart;
import dev.prec.plot.ChartWriter;
import dev.prec.plot.ImageFormat;
import dev.prec.plot.ImageSize;
import dev.prec.plot.Mark;
import dev.prec.plot.Series;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PageWriterTest {
    @TempDir
    Path dir;

    private static final Chart CHART = new Chart("loss", Axis.log("parameters N"), Axis.linear("loss"),
            List.of(new Series("runs", new double[] {1e6, 1e7, 1e8}, new double[] {4, 3.5, 3.2}, Mark.LINE_AND_POINTS)));

    /** Parses with the JDK's XML parser, external entities and DTDs off: the page needs neither. */
    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPageIsWellFormedXmlWithEverySectionTableAndFigure() throws Exception {
        byte[] png = ChartWriter.render(CHART, ImageFormat.PNG, new ImageSize(320, 240));
        byte[] svg = ChartWriter.render(CHART, ImageFormat.SVG, new ImageSize(320, 240));
        Page page = new Page("Study", "prec run of study.prec", List.of(
                new Section("plan", "Plan", List.of(new Block.Code("plan: 1 sweep\n  sweep grid: 4 runs")), "none"),
                new Section("runs", "Runs", List.of(new Block.Heading("runs"), new Block.Table(List.of("model", "loss"),
                        List.of(List.of("tiny", "3.2"), List.of("small", "3.0")))), "none"),
                new Section("fits", "Fits", List.of(new Block.Warning("alpha hit its bound")), "none"),
                new Section("optima", "Optima", List.of(), "No optimum in this run."),
                new Section("plots", "Plots", List.of(new Block.Figure("loss.png", ImageFormat.PNG, png),
                        new Block.Figure("loss.svg", ImageFormat.SVG, svg)), "none")));
        Path file = PageWriter.write(page, dir.resolve("out/report.html"));
        Document doc = parse(java.nio.file.Files.readString(file));
        NodeList sections = doc.getElementsByTagName("section");
        assertEquals(5, sections.getLength());
        assertEquals("optima", ((Element) sections.item(3)).getAttribute("id"));
        assertTrue(sections.item(3).getTextContent().contains("No optimum in this run."));
        assertEquals(1 + 2, doc.getElementsByTagName("tr").getLength());
        assertEquals(1, doc.getElementsByTagName("pre").getLength());
        NodeList imgs = doc.getElementsByTagName("img");
        assertEquals(2, imgs.getLength());
        byte[] inlinedPng = PageAssertions.inlined(((Element) imgs.item(0)).getAttribute("src"), "image/png");
        assertArrayEquals(png, inlinedPng);
        assertEquals(320, ImageIO.read(new ByteArrayInputStream(inlinedPng)).getWidth());
        byte[] inlinedSvg = PageAssertions.inlined(((Element) imgs.item(1)).getAttribute("src"), "image/svg+xml");
        assertArrayEquals(svg, inlinedSvg);
        assertTrue(new String(inlinedSvg, StandardCharsets.UTF_8).contains("<svg"));
        PageAssertions.assertNoExternalReference(doc);
    }

    @Test
    void scriptTextNeverBecomesMarkup() throws Exception {
        String hostile = "<script>alert('x')</script> & \"quoted\" \u0001";
        Page page = new Page(hostile, hostile, List.of(new Section("s", hostile, List.of(new Block.Text(hostile),
                new Block.Table(List.of(hostile), List.of(List.of(hostile)))), hostile)));
        Document doc = parse(PageWriter.xhtml(page));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(doc.getElementsByTagName("p").item(1).getTextContent().startsWith("<script>alert('x')</script> & \"quoted\""));
    }

    @Test
    void malformedPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Block.Table(List.of("a", "b"), List.of(List.of("1"))));
        assertThrows(IllegalArgumentException.class, () -> new Section("1st", "x", List.of(), ""));
        Section s = new Section("a", "A", List.of(), "");
        assertThrows(IllegalArgumentException.class, () -> new Page("t", "", List.of(s, s)));
        assertThrows(IllegalArgumentException.class, () -> new Block.Figure("f", ImageFormat.PNG, new byte[0]));
    }
}
