package dev.prec.lang.eval;

import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.model.ModelOptions;
import dev.prec.model.TransformerConfig;

/** Sizes of declared models, computed by the trainer's own {@link TransformerConfig}. */
final class ModelSizes {
    private ModelSizes() {
    }

    /**
     * The trainer's configuration of {@code model}. A vocabulary of 0 ("take the data's") becomes 2
     * here: N excludes the embedding, so the plan's N and FLOPs do not depend on it.
     *
     * @throws IllegalArgumentException if the sizes are invalid (the message says which)
     */
    static TransformerConfig config(ModelValue model) {
        double ratio = model.config().get("mlp_ratio").filter(v -> v instanceof NumberValue)
                .map(v -> ((NumberValue) v).value()).orElse(TransformerConfig.SWIGLU_RATIO);
        boolean tied = model.config().get("tied").map(v -> v instanceof BoolValue b && b.value()).orElse(true);
        return new TransformerConfig((int) model.intField("layers", 0), (int) model.intField("width", 0),
                (int) model.intField("heads", 0), ratio, (int) model.intField("context", 0),
                (int) Math.max(2, model.intField("vocab", 0)), tied, ModelOptions.OLMO);
    }

    /** N, the non-embedding parameter count of the scaling laws. */
    static long nonEmbeddingParams(ModelValue model) {
        return config(model).nonEmbeddingParams();
    }
}
