package dev.prec.lang.engine;

import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.SpecValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Quantizes trained runs after training ({@code quantize runs to [...] using gptq(...)}). */
public interface QuantizeEngine {

    /**
     * A post-training quantization request.
     *
     * @param runs trained runs whose checkpoints are quantized
     * @param targets the precisions to quantize to (their {@code post} or {@code weights} part)
     * @param method the method, e.g. {@code gptq(group: 64)} or {@code rtn()}
     * @param store the run store holding the trained runs, where results are kept and looked up so
     *     a re-run script reuses them; empty to quantize without keeping anything
     */
    record Request(RunTable runs, List<PrecisionValue> targets, SpecValue method, Optional<Path> store) {
        public Request {
            if (runs == null || method == null || store == null) {
                throw new IllegalArgumentException("runs, method and store are required");
            }
            targets = List.copyOf(targets);
        }

        /** A request that keeps nothing in a run store. */
        public Request(RunTable runs, List<PrecisionValue> targets, SpecValue method) {
            this(runs, targets, method, Optional.empty());
        }
    }

    /**
     * @return one row per (run, target) with the run's config, the target under {@code post}, and the loss
     * @throws IllegalArgumentException when a run has no checkpoint or the method is unknown
     */
    RunTable quantize(Request request, ActionContext context);
}
