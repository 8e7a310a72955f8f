package dev.prec.lang.eval;

import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of one sweep before it runs.
 *
 * @param name the sweep's name
 * @param axisSizes distinct values per axis among the kept runs, in axis order
 * @param considered runs in the cartesian product before {@code where}
 * @param runs runs kept
 * @param minFlops cheapest run in FLOPs (6 N D); NaN when N or D is unknown
 * @param maxFlops dearest run in FLOPs; NaN when unknown
 * @param totalFlops all runs in FLOPs; NaN when unknown
 * @param totalBitflops all runs in bit-FLOPs ((6/16) N D P, Kumar et al.); NaN when unknown
 * @param trained true when a {@code train} action of the script trains this sweep
 * @param estimatedSeconds wall time of all runs on this machine at one trainer thread, from its cached
 *     calibration; NaN when unknown (not trained here, no model or tokens, or no calibration)
 */
public record SweepPlan(String name, Map<String, Integer> axisSizes, long considered, int runs, double minFlops,
                        double maxFlops, double totalFlops, double totalBitflops, boolean trained,
                        double estimatedSeconds) {
    public SweepPlan {
        if (name == null || runs < 0 || considered < runs) {
            throw new IllegalArgumentException("a sweep plan needs a name and 0 <= runs <= considered");
        }
        axisSizes = Collections.unmodifiableMap(new LinkedHashMap<>(axisSizes));
    }

    public boolean flopsKnown() {
        return !Double.isNaN(totalFlops);
    }

    /** What {@code plan grid} evaluates to: {@code {runs, flops, bitflops}}. */
    public Value toValue() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("runs", NumberValue.of(runs));
        m.put("flops", new NumberValue(totalFlops, Unit.FLOPS));
        m.put("bitflops", new NumberValue(totalBitflops, Unit.BITFLOPS));
        return new RecordValue(m);
    }
}
