package dev.prec.plot;

import java.util.Arrays;

/**
 * One named series of points. Non-finite points are kept in the data but not drawn (a contour that
 * leaves the searched range is NaN there).
 *
 * @param name the legend entry; non-blank, unique within a chart
 * @param x abscissae, same length as {@code y}
 * @param y ordinates
 * @param mark how the series is drawn
 */
public record Series(String name, double[] x, double[] y, Mark mark) {
    public Series {
        if (name == null || name.isBlank() || x == null || y == null || mark == null) {
            throw new IllegalArgumentException("a series needs a name, x, y and a mark");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of points, drawable or not. */
    public int size() {
        return x.length;
    }

    /** A vertical reference line at {@code at} from {@code low} to {@code high} (e.g. the critical data size). */
    public static Series vertical(String name, double at, double low, double high) {
        return new Series(name, new double[] {at, at}, new double[] {low, high}, Mark.DASHED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && mark == s.mark
                && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points, " + mark + "]";
    }
}
