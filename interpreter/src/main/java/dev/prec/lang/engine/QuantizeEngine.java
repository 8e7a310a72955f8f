package dev.prec.lang.engine;

import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.SpecValue;
import java.util.List;

/** Quantizes trained runs after training ({@code quantize runs to [...] using gptq(...)}). */
public interface QuantizeEngine {

    /**
     * A post-training quantization request.
     *
     * @param runs trained runs whose checkpoints are quantized
     * @param targets the precisions to quantize to (their {@code post} or {@code weights} part)
     * @param method the method, e.g. {@code gptq(group: 64)} or {@code rtn()}
     */
    record Request(RunTable runs, List<PrecisionValue> targets, SpecValue method) {
        public Request {
            if (runs == null || method == null) {
                throw new IllegalArgumentException("runs and method are required");
            }
            targets = List.copyOf(targets);
        }
    }

    /**
     * @return one row per (run, target) with the run's config, the target under {@code post}, and the loss
     * @throws IllegalArgumentException when a run has no checkpoint or the method is unknown
     */
    RunTable quantize(Request request, ActionContext context);
}
