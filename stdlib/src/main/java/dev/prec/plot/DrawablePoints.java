package dev.prec.plot;

/**
 * The points of a series that can be drawn on the chart's axes: finite, and positive on a log axis.
 *
 * @param x abscissae kept
 * @param y ordinates kept
 */
record DrawablePoints(double[] x, double[] y) {

    static DrawablePoints of(Series s, boolean logX, boolean logY) {
        double[] x = s.x();
        double[] y = s.y();
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (drawable(x[i], logX) && drawable(y[i], logY)) {
                x[kept] = x[i];
                y[kept] = y[i];
                kept++;
            }
        }
        return new DrawablePoints(java.util.Arrays.copyOf(x, kept), java.util.Arrays.copyOf(y, kept));
    }

    private static boolean drawable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }
}
