package dev.prec.ptq;

import dev.prec.model.ModelOptions;
import dev.prec.model.ParameterLayout;
import dev.prec.model.ParameterTensor;
import dev.prec.model.TransformerConfig;
import dev.prec.store.RunSpec;
import dev.prec.train.Safetensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's architecture and its weights, laid out by {@link ParameterLayout#of}.
 *
 * @param config the architecture
 * @param params every parameter, {@code config.totalParams()} floats; copied
 */
public record TrainedModel(TransformerConfig config, float[] params) {

    /** @throws IllegalArgumentException if {@code params.length != config.totalParams()} */
    public TrainedModel {
        if (config == null || params == null || params.length != config.totalParams()) {
            throw new IllegalArgumentException("a model needs its config and " + (config == null ? "?" : config.totalParams())
                    + " parameters");
        }
        params = params.clone();
    }

    @Override
    public float[] params() {
        return params.clone();
    }

    /**
     * Reads a checkpoint written by prec's trainer (or by {@link QuantizedCheckpoint}): the
     * architecture from the {@code model} object of the JSON in its {@code spec} metadata, each
     * parameter from the tensor of its name.
     *
     * @param file a safetensors file
     * @throws IOException if the file is unreadable, has no prec spec, or lacks a parameter
     */
    public static TrainedModel read(Path file) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        String spec = c.metadata().get("spec");
        if (spec == null) {
            throw new IOException(file + " has no prec spec in its metadata; give the architecture explicitly");
        }
        TransformerConfig config;
        try {
            config = configOf(RunSpec.parse(spec).fields().get("model"));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(file + ": unreadable model spec: " + e.getMessage(), e);
        }
        return read(c, config, file);
    }

    /**
     * Reads the parameters of a model of a known architecture from any safetensors file holding
     * F32 tensors under prec's names ({@code embed.weight}, {@code blocks.0.attn.qkv.weight}, ...).
     *
     * @throws IOException if the file is unreadable or lacks a parameter of the right size
     */
    public static TrainedModel read(Path file, TransformerConfig config) throws IOException {
        return read(Safetensors.read(file), config, file);
    }

    private static TrainedModel read(Safetensors.Contents c, TransformerConfig config, Path file) throws IOException {
        ParameterLayout layout = ParameterLayout.of(config);
        float[] params = new float[layout.size()];
        for (ParameterTensor t : layout.tensors()) {
            Safetensors.Tensor s = c.tensors().get(t.name());
            if (s == null || s.floats() == null || s.floats().length != t.size()) {
                throw new IOException(file + " lacks a float tensor " + t.name() + " of " + t.size() + " elements");
            }
            System.arraycopy(s.floats(), 0, params, t.offset(), t.size());
        }
        return new TrainedModel(config, params);
    }

    /** The architecture as the trainer's checkpoint metadata spells it. */
    static Map<String, Object> describe(TransformerConfig m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("layers", m.layers());
        f.put("width", m.width());
        f.put("heads", m.heads());
        f.put("mlp_ratio", m.mlpRatio());
        f.put("context", m.context());
        f.put("vocab", m.vocab());
        f.put("tied", m.tied());
        f.put("norm", m.options().norm().name());
        f.put("mlp", m.options().mlp().name());
        f.put("sub_norm", m.options().subNorm());
        f.put("rope_theta", m.options().ropeTheta());
        f.put("init_std", m.options().initStd());
        return f;
    }

    private static TransformerConfig configOf(Object model) {
        Map<?, ?> m = (Map<?, ?>) model;
        ModelOptions options = new ModelOptions(ModelOptions.NormKind.valueOf((String) m.get("norm")),
                ModelOptions.MlpKind.valueOf((String) m.get("mlp")), (Boolean) m.get("sub_norm"),
                number(m, "rope_theta"), number(m, "init_std"));
        return new TransformerConfig((int) number(m, "layers"), (int) number(m, "width"), (int) number(m, "heads"),
                number(m, "mlp_ratio"), (int) number(m, "context"), (int) number(m, "vocab"), (Boolean) m.get("tied"),
                options);
    }

    private static double number(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
