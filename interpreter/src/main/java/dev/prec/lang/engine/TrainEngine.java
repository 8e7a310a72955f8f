package dev.prec.lang.engine;

import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.SweepValue;
import java.util.List;
import java.util.Optional;

/** Trains every run of a sweep ({@code train grid on data with {...}}). */
public interface TrainEngine {

    /**
     * A training request.
     *
     * @param sweep the runs, one point each (model, tokens, precision, seed, ...)
     * @param data the data source
     * @param options shared options ({@code lr}, {@code batch}, {@code schedule}, ...)
     */
    record Request(SweepValue sweep, DataValue data, RecordValue options) {
        public Request {
            if (sweep == null || data == null || options == null) {
                throw new IllegalArgumentException("sweep, data and options are required");
            }
        }
    }

    /**
     * @return one row per run: its config and at least {@code loss} (validation nats per token)
     * @throws IllegalArgumentException when the request names something the engine cannot train;
     *     the message is shown to the user
     */
    RunTable train(Request request, ActionContext context);

    /**
     * The runs of {@code request} and what the run store already holds for each, without training
     * anything: one entry per distinct run (points that resolve to the same run are listed once), in
     * sweep order. Implementations must not create a store that does not exist.
     *
     * @return empty when the engine keeps no store, the store does not exist yet, or the request
     *     cannot be resolved without running (the plan then counts every run as still to train)
     */
    default Optional<List<StoredRun>> stored(Request request) {
        return Optional.empty();
    }
}
