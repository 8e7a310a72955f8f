package dev.prec.format;

import java.math.BigDecimal;

/**
 * The independent definition of round-to-nearest-even on a grid: the value of the format's table
 * nearest to y by exhaustive search over every finite value, exact ties going to the even code.
 * Out-of-range values are handled by the same search (the nearest value is the extreme one, i.e.
 * saturation); infinities map to infinities where the format has them and to the extreme value
 * otherwise; NaN maps to NaN; a zero result takes the sign of y.
 */
final class NearestOracle {

    private final ElementFormat format;
    private final double[] values;
    private final boolean[] even;

    NearestOracle(ElementFormat format) {
        this.format = format;
        ValueTable table = ValueTable.of(format);
        values = new double[table.entries().size()];
        even = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.entries().get(i).value();
            even[i] = (table.entries().get(i).code() & 1) == 0;
        }
    }

    float round(float y) {
        if (Float.isNaN(y)) {
            return Float.NaN;
        }
        if (Float.isInfinite(y)) {
            if (format.hasInfinity()) {
                return y;
            }
            return (float) (y > 0 ? values[values.length - 1] : values[0]);
        }
        // Beyond either end of the table the end itself is nearest (every other value is farther).
        if (y >= values[values.length - 1]) {
            return (float) values[values.length - 1];
        }
        if (y <= values[0]) {
            return (float) values[0];
        }
        double target = y;
        // Pass 1: the smallest rounded distance. Rounding is monotonic, so the exactly nearest
        // values are among those whose rounded distance equals it.
        double minDistance = Double.POSITIVE_INFINITY;
        for (double v : values) {
            minDistance = Math.min(minDistance, Math.abs(target - v));
        }
        // Pass 2: among those, the exactly nearest, ties to the even code.
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(target - values[i]) == minDistance && (best < 0 || exactlyCloser(y, i, best))) {
                best = i;
            }
        }
        float v = (float) values[best];
        return v == 0 ? Math.copySign(0f, y) : v;
    }

    /** Whether value {@code i} beats value {@code best} for {@code y}: exactly closer, or as close with an even code. */
    private boolean exactlyCloser(float y, int i, int best) {
        BigDecimal target = new BigDecimal(y);
        int c = target.subtract(new BigDecimal(values[i])).abs().compareTo(target.subtract(new BigDecimal(values[best])).abs());
        return c < 0 || (c == 0 && even[i] && !even[best]);
    }
}
