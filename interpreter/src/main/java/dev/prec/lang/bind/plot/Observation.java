package dev.prec.lang.bind.plot;

import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run as numbers: its numeric fields (law variables such as N, D, P_w) and its observed loss,
 * with a label of its precision for grouping.
 *
 * @param numbers every numeric field of the run's config and results, by name
 * @param loss the observed loss in nats per token ({@code loss}, else {@code val_loss}, else
 *     {@code final_val_loss})
 * @param precision the run's precision as the script shows it, or "" when the run has none
 */
record Observation(Map<String, Double> numbers, double loss, String precision) {
    /** Field names read as the observed loss, first present wins. */
    static final List<String> LOSS_FIELDS = List.of("loss", "val_loss", "final_val_loss");
    /** Field names read as precision, first present wins, when a run has no {@code precision} field. */
    static final List<String> PRECISION_FIELDS = List.of("P", "P_w", "Pw", "bits", "P_post");

    Observation {
        numbers = Map.copyOf(numbers);
    }

    /**
     * @return the runs that have a numeric loss
     * @throws IllegalArgumentException when none has
     */
    static List<Observation> of(RunTable runs) {
        List<Observation> out = new ArrayList<>();
        for (RunTable.Run r : runs.rows()) {
            RecordValue f = r.fields();
            Map<String, Double> numbers = new LinkedHashMap<>();
            f.fields().forEach((k, v) -> {
                if (v instanceof NumberValue n) {
                    numbers.put(k, n.value());
                }
            });
            Optional<Double> loss = LOSS_FIELDS.stream().filter(numbers::containsKey).findFirst().map(numbers::get);
            if (loss.isEmpty()) {
                continue;
            }
            out.add(new Observation(numbers, loss.get(), label(f, numbers)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no run has a loss (fields " + String.join(", ", LOSS_FIELDS) + ")");
        }
        return out;
    }

    /** The parts training quantizes; a precision giving them one format is labelled by that format. */
    private static final List<PrecisionValue.Role> TRAINED_PARTS = List.of(PrecisionValue.Role.WEIGHTS,
            PrecisionValue.Role.ACTIVATIONS, PrecisionValue.Role.KV);

    private static String label(RecordValue f, Map<String, Double> numbers) {
        Optional<Value> p = f.get("precision");
        if (p.isPresent()) {
            // One format for every part ({weights: bf16, activations: bf16, kv: bf16}) reads as that format.
            if (p.get() instanceof PrecisionValue pv && pv.parts().keySet().containsAll(TRAINED_PARTS)
                    && pv.parts().values().stream().map(Value::show).distinct().count() == 1) {
                return pv.parts().get(PrecisionValue.Role.WEIGHTS).show();
            }
            return p.get().show();
        }
        for (String name : PRECISION_FIELDS) {
            if (numbers.containsKey(name)) {
                return name + " = " + format(numbers.get(name));
            }
        }
        return "";
    }

    /** A number as a legend shows it: integers plainly, others to 4 significant digits. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /**
     * @param name a variable
     * @return its value in this run
     * @throws IllegalArgumentException when the run lacks it
     */
    double get(String name) {
        Double v = numbers.get(name);
        if (v == null) {
            throw new IllegalArgumentException("a run has no numeric field '" + name + "' (it has "
                    + String.join(", ", numbers.keySet()) + ")");
        }
        return v;
    }
}
