package dev.prec.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks that a written plot is a real image: decodes, has the asked size, is not blank; SVG parses. */
public final class ImageChecks {
    /** Luminance variance below this is a blank (one-colour) image; a chart with axes and text is far above. */
    public static final double MIN_VARIANCE = 50.0;

    private ImageChecks() {
    }

    public static BufferedImage assertPng(Path file, int width, int height) throws IOException {
        assertTrue(Files.size(file) > 0, "empty file " + file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "not a decodable image: " + file);
        assertEquals(width, img.getWidth(), "width");
        assertEquals(height, img.getHeight(), "height");
        double v = luminanceVariance(img);
        assertTrue(v > MIN_VARIANCE, "image looks blank, luminance variance " + v);
        return img;
    }

    public static Document assertSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName() == null
                ? doc.getDocumentElement().getTagName() : doc.getDocumentElement().getLocalName());
        assertTrue(doc.getElementsByTagName("path").getLength() + doc.getElementsByTagName("line").getLength()
                + doc.getElementsByTagName("polyline").getLength() > 0, "the SVG draws nothing");
        return doc;
    }

    public static double luminanceVariance(BufferedImage img) {
        double sum = 0;
        double sumSq = 0;
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sumSq += l * l;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
