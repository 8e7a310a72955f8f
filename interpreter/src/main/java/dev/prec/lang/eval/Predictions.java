package dev.prec.lang.eval;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.diag.Span;
import dev.prec.lang.value.BootstrapSamples;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RangeValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code predict law at point}: a number at a point whose fields are numbers; a list of numbers at
 * a list of points; and a table at a point where some field is a list or range, one row per point of
 * the cartesian grid (the law's variable order, the last varying fastest, as
 * {@link dev.prec.optimize.Prediction#grid} lays out its tables). The table's config columns are
 * the law's variables (units as written) and its result column {@code loss} (NaN outside the law's
 * domain); a law from a bootstrapped fit adds {@code loss_lower} and {@code loss_upper}, the 95%
 * percentile interval of the loss over the fit's samples.
 */
final class Predictions {
    /** The most points one grid may have; a larger one is almost surely a mistake in a range's step. */
    static final int MAX_POINTS = 1_000_000;

    private Predictions() {
    }

    /**
     * @param subject a law or a fit result
     * @param at the evaluated point, list of points, or grid record
     * @param where the point's expression, blamed for errors
     * @param lawSpan the law's expression, blamed when the subject is not a law
     * @throws ScriptError if the subject is not a law, the law is unfitted, a variable has no value, a
     *     field names no variable, or the grid is empty or larger than {@link #MAX_POINTS}
     */
    static Value at(Value subject, Value at, Expr where, Span lawSpan) {
        LawValue law = ActionRunner.law(subject, lawSpan);
        if (at instanceof ListValue l) {
            return new ListValue(l.elements().stream().map(p -> Laws.predict(law, asPoint(p, where), where.span())).toList());
        }
        RecordValue point = asPoint(at, where);
        if (point.fields().values().stream().noneMatch(v -> v instanceof ListValue || v instanceof RangeValue)) {
            return Laws.predict(law, point, where.span());
        }
        Optional<FitResult> fit = subject instanceof FitResult f && f.bootstrap().isPresent() ? Optional.of(f) : Optional.empty();
        return grid(law, fit, axes(law, point, where.span()), where.span());
    }

    /** One axis per variable of the law, in the law's order; a number is an axis of one value. */
    private static Map<String, List<NumberValue>> axes(LawValue law, RecordValue point, Span at) {
        if (!law.isFitted()) {
            throw new ScriptError(at, "unfitted", "law '" + law.name() + "' has no parameter values yet; fit it first");
        }
        for (String given : point.fields().keySet()) {
            if (!law.variables().contains(given)) {
                throw new ScriptError(at, "unknown-argument", "law '" + law.name() + "' has no variable '" + given
                        + "'; its variables are " + String.join(", ", law.variables()));
            }
        }
        Map<String, List<NumberValue>> axes = new LinkedHashMap<>();
        long points = 1;
        for (String v : law.variables()) {
            Value x = point.get(v).orElseThrow(() -> new ScriptError(at, "missing-argument",
                    "law '" + law.name() + "' needs a value for '" + v + "'"));
            List<NumberValue> values = Sweeps.values(x).stream().map(e -> Arithmetic.number(e, at)).toList();
            if (values.isEmpty()) {
                throw new ScriptError(at, "empty", "the values of '" + v + "' are empty, so the grid has no points");
            }
            points *= values.size();
            if (points > MAX_POINTS) {
                throw new ScriptError(at, "too-large", "the grid has more than " + MAX_POINTS + " points; use fewer values");
            }
            axes.put(v, values);
        }
        return axes;
    }

    private static RunTable grid(LawValue law, Optional<FitResult> fit, Map<String, List<NumberValue>> axes, Span at) {
        List<String> names = List.copyOf(axes.keySet());
        int rows = axes.values().stream().mapToInt(List::size).reduce(1, Math::multiplyExact);
        List<RunTable.Run> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            Map<String, Value> config = new LinkedHashMap<>();
            Map<String, Double> variables = new LinkedHashMap<>();
            int rest = r;
            NumberValue[] row = new NumberValue[names.size()];
            for (int k = names.size() - 1; k >= 0; k--) {
                List<NumberValue> axis = axes.get(names.get(k));
                row[k] = axis.get(rest % axis.size());
                rest /= axis.size();
            }
            for (int k = 0; k < names.size(); k++) {
                config.put(names.get(k), row[k]);
                variables.put(names.get(k), row[k].value());
            }
            Map<String, Value> results = new LinkedHashMap<>();
            results.put("loss", NumberValue.of(law.form().loss(variables, law.values())));
            fit.ifPresent(f -> {
                Optional<BootstrapSamples.Interval> band = f.lossInterval(variables);
                results.put("loss_lower", NumberValue.of(band.map(BootstrapSamples.Interval::lower).orElse(Double.NaN)));
                results.put("loss_upper", NumberValue.of(band.map(BootstrapSamples.Interval::upper).orElse(Double.NaN)));
            });
            out.add(new RunTable.Run(new RecordValue(config), new RecordValue(results)));
        }
        return new RunTable(out);
    }

    private static RecordValue asPoint(Value v, Expr where) {
        if (v instanceof RecordValue r) {
            return r;
        }
        throw new ScriptError(where.span(), "type", "a point is a record like {N: 1e8, D: 2e9}, not a "
                + v.type().describe());
    }
}
