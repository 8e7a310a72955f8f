package dev.prec.optimize;

import dev.prec.fit.RunTable;
import dev.prec.law.Evaluation;
import dev.prec.law.LawInstance;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A law evaluated at a point or over the cartesian grid of per-variable value lists, as a table. */
public final class Prediction {
    private Prediction() {
    }

    /**
     * @param law the law with its parameter values
     * @param axes for every variable of the law, its values (one value for a point); iteration
     *     order of the map decides column order, the last axis varying fastest
     * @return a column per variable plus {@code loss}; loss is NaN where the point is outside the
     *     law's domain
     * @throws IllegalArgumentException if a variable of the law has no axis, an axis names no
     *     variable, or an axis is empty
     */
    public static RunTable grid(LawInstance law, Map<String, double[]> axes) {
        List<String> vars = law.law().variables();
        for (String v : vars) {
            if (!axes.containsKey(v)) {
                throw new IllegalArgumentException("no values for variable " + v + " of law " + law.law().name());
            }
        }
        for (Map.Entry<String, double[]> e : axes.entrySet()) {
            if (!vars.contains(e.getKey())) {
                throw new IllegalArgumentException("law " + law.law().name() + " has no variable " + e.getKey());
            }
            if (e.getValue().length == 0) {
                throw new IllegalArgumentException("axis " + e.getKey() + " has no values");
            }
        }
        List<String> names = List.copyOf(axes.keySet());
        int rows = 1;
        for (String name : names) {
            rows = Math.multiplyExact(rows, axes.get(name).length);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        names.forEach(name -> out.put(name, new double[0]));
        double[][] cols = new double[names.size()][rows];
        double[] loss = new double[rows];
        for (int r = 0; r < rows; r++) {
            Map<String, Double> point = new HashMap<>();
            int rest = r;
            for (int k = names.size() - 1; k >= 0; k--) {
                double[] axis = axes.get(names.get(k));
                cols[k][r] = axis[rest % axis.length];
                rest /= axis.length;
                point.put(names.get(k), cols[k][r]);
            }
            loss[r] = switch (law.evaluate(point)) {
                case Evaluation.Value v -> v.loss();
                case Evaluation.OutsideDomain o -> Double.NaN;
            };
        }
        for (int k = 0; k < names.size(); k++) {
            out.put(names.get(k), cols[k]);
        }
        out.put("loss", loss);
        return RunTable.of("predict " + law.law().name(), out);
    }
}
