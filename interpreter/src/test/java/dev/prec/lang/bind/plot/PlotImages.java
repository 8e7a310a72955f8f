package dev.prec.lang.bind.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Checks a written plot: PNG decodes at the asked size and is not one colour; SVG parses and draws.
 * Shared with other modules' tests (the examples' gallery) through the interpreter's test-jar.
 */
public final class PlotImages {
    /** Luminance variance of a blank image is 0; a chart with axes, text and curves is in the hundreds. */
    public static final double MIN_VARIANCE = 50.0;

    private PlotImages() {
    }

    public static void assertPng(Path file, int width, int height) throws Exception {
        assertTrue(Files.isRegularFile(file), "no file " + file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "not an image: " + file);
        assertEquals(width, img.getWidth(), file.toString());
        assertEquals(height, img.getHeight(), file.toString());
        double sum = 0;
        double sumSq = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sumSq += l * l;
            }
        }
        double n = (double) width * height;
        double variance = sumSq / n - (sum / n) * (sum / n);
        assertTrue(variance > MIN_VARIANCE, "blank-looking image " + file + ", variance " + variance);
    }

    public static Document assertSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(doc.getElementsByTagName("path").getLength() > 0, "the SVG draws nothing: " + file);
        return doc;
    }
}
