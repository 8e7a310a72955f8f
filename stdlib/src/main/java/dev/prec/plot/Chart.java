package dev.prec.plot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A two-axis chart: title, axes and series.
 *
 * @param title the heading; non-blank
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param series what is drawn, at least one, names unique (they are the legend)
 */
public record Chart(String title, Axis x, Axis y, List<Series> series) {
    public Chart {
        if (title == null || title.isBlank() || x == null || y == null || series == null) {
            throw new IllegalArgumentException("a chart needs a title, two axes and series");
        }
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "' has no series");
        }
        Set<String> names = new HashSet<>();
        for (Series s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("chart '" + title + "' has two series named '" + s.name() + "'");
            }
        }
    }
}
