package dev.prec.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Curves and path lists as JSON text in one column. Losses may be NaN or infinite (a diverged
 * run's last points), which JSON numbers cannot hold, so those are written as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; finite losses use the shortest
 * round-trip spelling, so a curve reads back bit for bit.
 */
final class CurveCodec {

    private CurveCodec() {
    }

    static String writeCurve(List<CurvePoint> curve) {
        List<Object> rows = new ArrayList<>(curve.size());
        for (CurvePoint p : curve) {
            Object loss = Double.isFinite(p.loss()) ? (Object) p.loss() : Double.toString(p.loss());
            rows.add(List.of(p.step(), p.tokens(), loss));
        }
        return CanonicalJson.write(rows);
    }

    static List<CurvePoint> readCurve(String json) {
        List<CurvePoint> curve = new ArrayList<>();
        for (Object row : (List<?>) CanonicalJson.read(json)) {
            List<?> cells = (List<?>) row;
            Object loss = cells.get(2);
            double value = loss instanceof String s ? Double.parseDouble(s) : ((Number) loss).doubleValue();
            curve.add(new CurvePoint(((Number) cells.get(0)).longValue(),
                    ((Number) cells.get(1)).longValue(), value));
        }
        return List.copyOf(curve);
    }

    static String writePaths(List<String> paths) {
        return CanonicalJson.write(paths);
    }

    static List<String> readPaths(String json) {
        List<String> paths = new ArrayList<>();
        for (Object p : (List<?>) CanonicalJson.read(json)) {
            paths.add((String) p);
        }
        return List.copyOf(paths);
    }
}
