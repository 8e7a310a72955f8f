package dev.prec.lang.eval;

import dev.prec.lang.engine.StoredRun;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param estimatedSeconds wall time on this machine at one trainer thread, from its cached
 *     calibration, of the runs still to train (all runs when the store is not known); NaN when
 *     unknown (not trained here, no model or tokens, or no calibration)
 * @param stored each distinct run with what the run store holds for it, in sweep order; empty when
 *     not known (the sweep is not trained here, or its data or store cannot be read before running)
 */
public record SweepPlan(String name, Map<String, Integer> axisSizes, long considered, int runs, double minFlops,
                        double maxFlops, double totalFlops, double totalBitflops, boolean trained,
                        double estimatedSeconds, Optional<List<StoredRun>> stored) {
    public SweepPlan {
        if (name == null || runs < 0 || considered < runs || stored == null) {
            throw new IllegalArgumentException("a sweep plan needs a name, 0 <= runs <= considered, and stored (possibly empty)");
        }
        axisSizes = Collections.unmodifiableMap(new LinkedHashMap<>(axisSizes));
        stored = stored.map(List::copyOf);
    }

    /** Runs the store holds in {@code state}; 0 when the store is not known. */
    public int count(StoredRun.State state) {
        return stored.map(l -> (int) l.stream().filter(r -> r.state() == state).count()).orElse(0);
    }

    /** Runs a train action of this sweep would train: the pending ones when the store is known, else all. */
    public int toTrain() {
        return stored.map(l -> count(StoredRun.State.PENDING)).orElse(runs);
    }

    public boolean flopsKnown() {
        return !Double.isNaN(totalFlops);
    }

    /**
     * What {@code plan grid} evaluates to: {@code {runs, flops, bitflops, finished, failed, to_train}};
     * the store counts are 0 and {@code to_train} is {@code runs} when the store is not known. The wall
     * time depends on the machine, so it is printed by {@code prec check} but is not part of the value.
     */
    public Value toValue() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("runs", NumberValue.of(runs));
        m.put("flops", new NumberValue(totalFlops, Unit.FLOPS));
        m.put("bitflops", new NumberValue(totalBitflops, Unit.BITFLOPS));
        m.put("finished", NumberValue.of(count(StoredRun.State.FINISHED)));
        m.put("failed", NumberValue.of(count(StoredRun.State.FAILED)));
        m.put("to_train", NumberValue.of(toTrain()));
        return new RecordValue(m);
    }
}
