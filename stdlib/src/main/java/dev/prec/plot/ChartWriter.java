package dev.prec.plot;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders a {@link Chart} to PNG or SVG with XChart; works headless ({@code java.awt.headless=true}). */
public final class ChartWriter {

    private ChartWriter() {
    }

    /**
     * Writes a chart, the format picked by the file's extension; parent directories are created.
     *
     * @param chart what to draw
     * @param file the target, ending in {@code .png} or {@code .svg}
     * @param size the image size
     * @return {@code file}
     * @throws IllegalArgumentException if the extension names no format or no series has a drawable point
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(Chart chart, Path file, ImageSize size) {
        ImageFormat format = ImageFormat.of(file);
        XYChart drawn = toXChart(chart, size);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                encode(drawn, format, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
        return file;
    }

    /**
     * Renders a chart in memory (for pages that inline their figures).
     *
     * @return the encoded image
     * @throws IllegalArgumentException if no series has a drawable point
     */
    public static byte[] render(Chart chart, ImageFormat format, ImageSize size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encode(toXChart(chart, size), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void encode(XYChart chart, ImageFormat format, OutputStream out) throws IOException {
        switch (format) {
            case PNG -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            case SVG -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    }

    private static XYChart toXChart(Chart chart, ImageSize size) {
        XYChart c = new XYChartBuilder().width(size.width()).height(size.height()).title(chart.title())
                .xAxisTitle(chart.x().label()).yAxisTitle(chart.y().label()).build();
        Styler s = c.getStyler();
        c.getStyler().setXAxisLogarithmic(chart.x().log());
        c.getStyler().setYAxisLogarithmic(chart.y().log());
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setAntiAlias(true);
        int drawn = 0;
        double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series series : chart.series()) {
            DrawablePoints p = DrawablePoints.of(series, chart.x().log(), chart.y().log());
            if (p.x().length == 0) {
                continue;
            }
            XYSeries xs = c.addSeries(series.name(), p.x(), p.y());
            style(xs, series.mark());
            extend(xRange, p.x());
            extend(yRange, p.y());
            drawn++;
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("chart '" + chart.title() + "' has no drawable point (all are NaN,"
                    + " infinite, or not positive on a log axis)");
        }
        window(xRange[0], xRange[1], chart.x().log()).ifPresent(w -> {
            c.getStyler().setXAxisMin(w[0]);
            c.getStyler().setXAxisMax(w[1]);
        });
        window(yRange[0], yRange[1], chart.y().log()).ifPresent(w -> {
            c.getStyler().setYAxisMin(w[0]);
            c.getStyler().setYAxisMax(w[1]);
        });
        return c;
    }

    private static void extend(double[] range, double[] values) {
        for (double v : values) {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        }
    }

    /**
     * The axis window of nearly constant data: 5% either side of the value (a factor 1.1 on a log axis),
     * so that rounding noise of 1e-8 in a flat optimum is not stretched over the whole axis as a curve.
     *
     * @param min smallest drawn value on the axis
     * @param max largest drawn value, {@code >= min}
     * @param log whether the axis is logarithmic (then {@code min > 0})
     * @return {lower, upper} when the data span less than 1e-6 of their magnitude, else empty (autoscale)
     */
    static java.util.Optional<double[]> window(double min, double max, boolean log) {
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (max - min > 1e-6 * magnitude) {
            return java.util.Optional.empty();
        }
        if (log) {
            return java.util.Optional.of(new double[] {min / 1.1, max * 1.1});
        }
        double pad = magnitude > 0 ? 0.05 * magnitude : 1;
        return java.util.Optional.of(new double[] {min - pad, max + pad});
    }

    private static void style(XYSeries xs, Mark mark) {
        switch (mark) {
            case POINTS -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                xs.setMarker(SeriesMarkers.CIRCLE);
            }
            case LINE -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
            }
            case DASHED -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineStyle(SeriesLines.DASH_DASH);
            }
            case LINE_AND_POINTS -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.CIRCLE);
            }
        }
    }
}
