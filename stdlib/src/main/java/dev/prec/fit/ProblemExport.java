package dev.prec.fit;

import dev.prec.law.Expr;
import dev.prec.law.Law;
import dev.prec.law.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a fitting problem as JSON for an external peer ({@code peers/scipy_fit.py}): the law as a
 * node list in topological order, the data columns, the target, the weights, the Huber delta,
 * each parameter's scale (log or linear) and bounds in optimiser coordinates, the starting points
 * of the grid and the optimiser settings. The peer then minimises exactly the same objective from
 * exactly the same starts.
 */
public final class ProblemExport {
    private ProblemExport() {
    }

    /** The JSON text of the problem {@code Fitter.fit(law, table, options)} solves. */
    public static String json(Law law, RunTable table, FitOptions options) {
        FitProblem problem = new FitProblem(law, table, options);
        List<double[]> starts = StartGrid.starts(law.parameters(), problem.space, options.gridPointsPerParameter(),
                options.maxStarts(), options.seed());
        StringBuilder sb = new StringBuilder("{\n\"law\": \"").append(law.name()).append("\",\n\"nodes\": [");
        nodes(law, sb);
        sb.append("],\n\"variables\": {");
        for (int j = 0; j < law.variables().size(); j++) {
            sb.append(j == 0 ? "" : ", ").append('"').append(law.variables().get(j)).append("\": ")
                    .append(array(table.column(law.variables().get(j))));
        }
        sb.append("},\n\"target\": ").append(array(table.column(options.target())));
        sb.append(",\n\"weights\": ").append(array(problem.weights));
        sb.append(",\n\"huber_delta\": ").append(options.huberDelta());
        sb.append(",\n\"log_scale\": [");
        for (int k = 0; k < law.parameters().size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(problem.space.logScale(k));
        }
        sb.append("],\n\"bounds\": [");
        Box box = problem.space.box();
        for (int k = 0; k < law.parameters().size(); k++) {
            sb.append(k == 0 ? "" : ", ").append('[').append(bound(box.lower()[k])).append(", ")
                    .append(bound(box.upper()[k])).append(']');
        }
        sb.append("],\n\"parameters\": [");
        for (int k = 0; k < law.parameters().size(); k++) {
            Parameter p = law.parameters().get(k);
            sb.append(k == 0 ? "" : ", ").append('"').append(p.name()).append('"');
        }
        sb.append("],\n\"starts\": [");
        for (int i = 0; i < starts.size(); i++) {
            sb.append(i == 0 ? "" : ",\n").append(array(starts.get(i)));
        }
        OptimizerSettings o = options.optimizer();
        sb.append("],\n\"max_iterations\": ").append(o.maxIterations())
                .append(",\n\"gradient_tolerance\": ").append(o.gradientTolerance())
                .append(",\n\"relative_tolerance\": ").append(o.relativeTolerance())
                .append(",\n\"memory\": ").append(o.memory()).append("\n}\n");
        return sb.toString();
    }

    private static String bound(double v) {
        return Double.isInfinite(v) ? "null" : Double.toString(v);
    }

    private static String array(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return sb.append(']').toString();
    }

    /** Nodes of the loss expression, children first; the last node is the prediction. */
    private static void nodes(Law law, StringBuilder sb) {
        Map<Expr, Integer> ids = new HashMap<>();
        List<String> out = new ArrayList<>();
        emit(law.loss(), law, ids, out);
        sb.append(String.join(",\n  ", out));
    }

    private static int emit(Expr e, Law law, Map<Expr, Integer> ids, List<String> out) {
        Integer known = ids.get(e);
        if (known != null) {
            return known;
        }
        String node = switch (e) {
            case Expr.Const c -> "{\"op\": \"const\", \"value\": " + c.value() + "}";
            case Expr.Var v -> "{\"op\": \"var\", \"name\": \"" + v.name() + "\"}";
            case Expr.Param p -> "{\"op\": \"param\", \"index\": " + law.parameterNames().indexOf(p.name()) + "}";
            case Expr.Unary u -> "{\"op\": \"" + u.op().name().toLowerCase() + "\", \"a\": " + emit(u.arg(), law, ids, out) + "}";
            case Expr.Binary b -> {
                int a = emit(b.left(), law, ids, out);
                int c = emit(b.right(), law, ids, out);
                yield "{\"op\": \"" + b.op().name().toLowerCase() + "\", \"a\": " + a + ", \"b\": " + c + "}";
            }
        };
        out.add(node);
        ids.put(e, out.size() - 1);
        return out.size() - 1;
    }
}
