package dev.prec.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartWriterTest {
    @TempDir
    Path dir;

    private static Chart lossAgainstParams() {
        double[] n = {1e6, 1e7, 1e8, 1e9};
        double[] observed = {4.1, 3.5, 3.1, 2.9};
        double[] curveN = new double[50];
        double[] curveL = new double[50];
        for (int i = 0; i < 50; i++) {
            curveN[i] = Math.pow(10, 6 + 3.0 * i / 49);
            curveL[i] = 2.5 + 400 * Math.pow(curveN[i], -0.34);
        }
        return new Chart("loss against N", Axis.log("parameters N"), Axis.linear("loss (nats/token)"),
                List.of(new Series("observed", n, observed, Mark.POINTS),
                        new Series("fitted", curveN, curveL, Mark.LINE)));
    }

    @Test
    void nearlyConstantDataGetAWindowOfFivePercentSoRoundingNoiseIsNotDrawnAsACurve() {
        double[] w = ChartWriter.window(7.00210930, 7.00210937, false).orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(7.0021093 - 0.05 * 7.00210937, w[0], 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(7.00210937 * 1.05, w[1], 1e-9);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-1, 1}, ChartWriter.window(0, 0, false).orElseThrow());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1e9 / 1.1, 1e9 * 1.1},
                ChartWriter.window(1e9, 1e9, true).orElseThrow(), 1);
        org.junit.jupiter.api.Assertions.assertTrue(ChartWriter.window(6, 8, false).isEmpty(), "real variation autoscales");
    }

    @Test
    void pngDecodesAtTheRequestedSizeAndIsNotBlank() throws Exception {
        Path f = ChartWriter.write(lossAgainstParams(), dir.resolve("sub/loss.png"), new ImageSize(640, 480));
        ImageChecks.assertPng(f, 640, 480);
    }

    @Test
    void svgParsesAsXmlWithDrawing() throws Exception {
        Path f = ChartWriter.write(lossAgainstParams(), dir.resolve("loss.svg"), ImageSize.DEFAULT);
        ImageChecks.assertSvg(f);
    }

    @Test
    void aBlankImageFailsTheVarianceCheck() {
        BufferedImage white = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        assertTrue(ImageChecks.luminanceVariance(white) < ImageChecks.MIN_VARIANCE);
    }

    @Test
    void unknownExtensionIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ChartWriter.write(lossAgainstParams(), dir.resolve("loss.gif"), ImageSize.DEFAULT));
    }

    @Test
    void pointsThatCannotBeDrawnOnLogAxesAreDroppedNotFatal() throws Exception {
        Chart c = new Chart("contour", Axis.log("N"), Axis.linear("P"), List.of(
                new Series("L = 3", new double[] {Double.NaN, 1e7, -1, 1e9}, new double[] {2, 4, 6, 8}, Mark.LINE)));
        ImageChecks.assertPng(ChartWriter.write(c, dir.resolve("c.png"), ImageSize.DEFAULT), 800, 600);
        Chart none = new Chart("none", Axis.log("N"), Axis.linear("P"), List.of(
                new Series("s", new double[] {Double.NaN, 0}, new double[] {1, 2}, Mark.LINE)));
        assertThrows(IllegalArgumentException.class, () -> ChartWriter.write(none, dir.resolve("n.png"), ImageSize.DEFAULT));
    }

    @Test
    void duplicateSeriesNamesAndMismatchedLengthsAreRejected() {
        Series s = new Series("a", new double[] {1}, new double[] {1}, Mark.POINTS);
        assertThrows(IllegalArgumentException.class, () -> new Chart("t", Axis.linear("x"), Axis.linear("y"), List.of(s, s)));
        assertThrows(IllegalArgumentException.class, () -> new Series("b", new double[] {1, 2}, new double[] {1}, Mark.LINE));
        assertThrows(IllegalArgumentException.class, () -> new ImageSize(50, 600));
    }

    @Test
    void tenThousandPointsRenderUnderTwoSeconds() throws Exception {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 6 + 4 * r.nextDouble());
            y[i] = 2 + 300 * Math.pow(x[i], -0.3) + 0.05 * r.nextGaussian();
        }
        Chart c = new Chart("10k", Axis.log("parameters N"), Axis.linear("loss"),
                List.of(new Series("runs", x, y, Mark.POINTS)));
        ChartWriter.write(c, dir.resolve("warm.png"), ImageSize.DEFAULT);
        long t0 = System.nanoTime();
        Path f = ChartWriter.write(c, dir.resolve("10k.png"), ImageSize.DEFAULT);
        Path g = ChartWriter.write(c, dir.resolve("10k.svg"), ImageSize.DEFAULT);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ImageChecks.assertPng(f, 800, 600);
        ImageChecks.assertSvg(g);
        assertTrue(seconds < 2.0, "10,000 points took " + seconds + " s (PNG + SVG)");
        assertEquals(ImageFormat.SVG, ImageFormat.of(g));
    }
}
