package dev.prec.train;

import dev.prec.model.ParameterLayout;
import dev.prec.model.ParameterTensor;
import dev.prec.model.Quantization;
import dev.prec.model.TransformerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state of a run after a step, as one safetensors file: each parameter tensor under its own
 * name (so other tools read the weights directly), the AdamW moments under {@code optimizer.m.} and
 * {@code optimizer.v.}, the tail-average sum under {@code average.}, and in {@code __metadata__} the
 * resolved spec as JSON ({@code spec}), the step, the step-0 loss and the curves so far. Floats are
 * stored bit-exactly, so resuming continues the same computation.
 *
 * @param step the last step taken, 0-based
 * @param initialLoss the step-0 training loss, the reference of divergence detection
 * @param averageCount steps summed into the average so far
 * @param curve training losses so far
 * @param validation validation losses so far
 */
record Checkpoint(long step, double initialLoss, long averageCount, List<TrainingResult.Point> curve,
                  List<TrainingResult.Point> validation) {

    /** File name inside the checkpoint directory. */
    static final String FILE = "checkpoint.safetensors";

    /** The buffers a checkpoint holds besides its metadata, same layout as the parameters. */
    record Buffers(float[] params, float[] m, float[] v, float[] average) {
    }

    void write(Path file, TrainingSpec spec, ParameterLayout layout, Buffers b) throws IOException {
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        for (ParameterTensor t : layout.tensors()) {
            tensors.put(t.name(), slice(b.params(), t));
        }
        for (ParameterTensor t : layout.tensors()) {
            tensors.put("optimizer.m." + t.name(), slice(b.m(), t));
            tensors.put("optimizer.v." + t.name(), slice(b.v(), t));
            if (b.average() != null) {
                tensors.put("average." + t.name(), slice(b.average(), t));
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "prec-checkpoint-1");
        meta.put("spec", describe(spec));
        meta.put("step", Long.toString(step));
        meta.put("initial_loss", Double.toString(initialLoss));
        meta.put("average_count", Long.toString(averageCount));
        meta.put("curve", encode(curve));
        meta.put("validation", encode(validation));
        Safetensors.write(file, new Safetensors.Contents(tensors, meta));
    }

    /**
     * Reads a checkpoint into {@code b} and returns its metadata.
     *
     * @throws IOException if the file is unreadable or was written for another spec
     */
    static Checkpoint read(Path file, TrainingSpec spec, ParameterLayout layout, Buffers b) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        String expected = describe(spec);
        if (!expected.equals(c.metadata().get("spec"))) {
            throw new IOException(file + " was written by another run spec: " + c.metadata().get("spec"));
        }
        for (ParameterTensor t : layout.tensors()) {
            unslice(c, t.name(), b.params(), t);
            unslice(c, "optimizer.m." + t.name(), b.m(), t);
            unslice(c, "optimizer.v." + t.name(), b.v(), t);
            if (b.average() != null) {
                unslice(c, "average." + t.name(), b.average(), t);
            }
        }
        Map<String, String> meta = c.metadata();
        return new Checkpoint(Long.parseLong(meta.get("step")), Double.parseDouble(meta.get("initial_loss")),
                Long.parseLong(meta.get("average_count")), decode(meta.get("curve")), decode(meta.get("validation")));
    }

    /**
     * The resolved spec as JSON: everything that determines the result (not the thread count, which
     * does not change it, nor where checkpoints go).
     */
    static String describe(TrainingSpec s) {
        TransformerConfig m = s.model();
        Quantization q = s.quantization();
        return String.format(Locale.ROOT, "{\"model\":{\"layers\":%d,\"width\":%d,\"heads\":%d,\"mlp_ratio\":%s,"
                        + "\"mlp_hidden\":%d,\"context\":%d,\"vocab\":%d,\"tied\":%b,\"norm\":\"%s\",\"mlp\":\"%s\","
                        + "\"sub_norm\":%b,\"rope_theta\":%s,\"init_std\":%s},"
                        + "\"quantization\":{\"weights\":%s,\"activations\":%s,\"kv\":%s,\"kv_includes_queries\":%b},"
                        + "\"optimizer\":{\"peak_lr\":%s,\"beta1\":%s,\"beta2\":%s,\"eps\":%s,\"weight_decay\":%s,\"clip_norm\":%s},"
                        + "\"schedule\":{\"kind\":\"%s\",\"warmup_fraction\":%s,\"min_fraction\":%s,\"decay_fraction\":%s},"
                        + "\"batch\":%d,\"token_budget\":%d,\"steps\":%d,\"seed\":%d,\"eval_every\":%d,\"eval_batches\":%d,"
                        + "\"divergence_factor\":%s,\"average_fraction\":%s}",
                m.layers(), m.width(), m.heads(), m.mlpRatio(), m.mlpHidden(), m.context(), m.vocab(), m.tied(),
                m.options().norm(), m.options().mlp(), m.options().subNorm(), m.options().ropeTheta(), m.options().initStd(),
                name(q.weights()), name(q.activations()), name(q.kv()), q.kvIncludesQueries(),
                s.optimizer().peakLr(), s.optimizer().beta1(), s.optimizer().beta2(), s.optimizer().eps(),
                s.optimizer().weightDecay(), s.optimizer().clipNorm(),
                s.schedule().kind(), s.schedule().warmupFraction(), s.schedule().minFraction(), s.schedule().decayFraction(),
                s.batch(), s.tokenBudget(), s.steps(), s.seed(), s.evalEvery(), s.evalBatches(),
                s.divergenceFactor(), s.averageFraction());
    }

    private static String name(Object quantizer) {
        return quantizer == null ? "null" : Json.quote(quantizer.toString());
    }

    private static Safetensors.Tensor slice(float[] a, ParameterTensor t) {
        float[] data = java.util.Arrays.copyOfRange(a, t.offset(), t.offset() + t.size());
        return t.rows() == 1 ? Safetensors.Tensor.of(data, t.cols()) : Safetensors.Tensor.of(data, t.rows(), t.cols());
    }

    private static void unslice(Safetensors.Contents c, String name, float[] a, ParameterTensor t) throws IOException {
        Safetensors.Tensor s = c.tensors().get(name);
        if (s == null || s.floats() == null || s.floats().length != t.size()) {
            throw new IOException("checkpoint lacks a float tensor " + name + " of " + t.size() + " elements");
        }
        System.arraycopy(s.floats(), 0, a, t.offset(), t.size());
    }

    /** "step:tokens:loss" joined by ';', doubles in Java's round-trip decimal form. */
    private static String encode(List<TrainingResult.Point> points) {
        StringBuilder b = new StringBuilder();
        for (TrainingResult.Point p : points) {
            b.append(b.isEmpty() ? "" : ";").append(p.step()).append(':').append(p.tokens()).append(':').append(p.loss());
        }
        return b.toString();
    }

    private static List<TrainingResult.Point> decode(String s) {
        List<TrainingResult.Point> points = new ArrayList<>();
        if (s == null || s.isEmpty()) {
            return points;
        }
        for (String part : s.split(";")) {
            String[] f = part.split(":");
            points.add(new TrainingResult.Point(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2])));
        }
        return points;
    }
}
