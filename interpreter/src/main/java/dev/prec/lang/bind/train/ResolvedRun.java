package dev.prec.lang.bind.train;

import dev.prec.data.Dataset;
import dev.prec.format.QuantSpec;
import dev.prec.format.TensorQuantizer;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.SpecValue;
import dev.prec.lang.value.Value;
import dev.prec.model.ModelOptions;
import dev.prec.model.Quantization;
import dev.prec.model.TransformerConfig;
import dev.prec.store.RunSpec;
import dev.prec.train.AdamWConfig;
import dev.prec.train.Schedule;
import dev.prec.train.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sweep point resolved for the trainer: the training spec, the run spec whose key identifies
 * the run in the store, and the law variables the run measures.
 *
 * @param point the sweep point as the script wrote it, over the shared options (the run's config columns)
 * @param spec the run spec: model, data fingerprint, precision per part, optimiser, schedule,
 *     batch, tokens, seed, evaluation and trainer version; nothing that leaves results unchanged
 * @param training what the trainer runs (threads and checkpoints are set per run by the executor)
 * @param params N, non-embedding parameters of the model
 * @param tokens D, tokens the run trains on: whole steps of {@code batch * context} tokens
 */
record ResolvedRun(RecordValue point, RunSpec spec, TrainingSpec training, long params, long tokens) {

    /**
     * Identifies the trainer's numerics in run keys; bumped when a change to the trainer would
     * change a finished run's result, so such runs train again instead of being reused.
     */
    static final String TRAINER_VERSION = "prec-trainer-1";
    /** Peak learning rate when the script gives none (small models, SCIENCE.md section 1 sweeps). */
    static final double DEFAULT_LR = 3e-3;
    /** Sequences per step when the script gives none. */
    static final int DEFAULT_BATCH = 8;
    /** Validation batches for the final loss when the script gives none. */
    static final int DEFAULT_EVAL_BATCHES = 4;
    /** Steps between checkpoints, so an interrupted run loses at most this many. */
    static final int CHECKPOINT_EVERY = 200;
    /** Steps between validation evaluations (validation also runs after the last step). */
    static final int EVAL_EVERY = 100;

    /**
     * @param point a sweep point
     * @param options the shared {@code with {...}} options; a point's axis wins over an option of the same name
     * @param data the dataset every run trains on
     * @throws IllegalArgumentException when the point has no model or tokens, or a value is out of the trainer's range
     */
    static ResolvedRun resolve(RecordValue point, RecordValue options, Dataset data) {
        RecordValue all = options.with(point);
        ModelValue model = all.get("model").filter(v -> v instanceof ModelValue).map(ModelValue.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("each run needs a model: a sweep axis 'model' of transformer(...) values"));
        TransformerConfig config = config(model, data.vocabSize());
        long budget = (long) number(all, "tokens").orElseThrow(() -> new IllegalArgumentException(
                "each run needs a token budget: a sweep axis or option 'tokens'"));
        int batch = (int) number(all, "batch").orElse(DEFAULT_BATCH);
        double lr = number(all, "lr").orElse(DEFAULT_LR);
        AdamWConfig paper = AdamWConfig.paper(lr);
        AdamWConfig optimizer = new AdamWConfig(lr, number(all, "beta1").orElse(paper.beta1()),
                number(all, "beta2").orElse(paper.beta2()), number(all, "eps").orElse(paper.eps()),
                number(all, "weight_decay").orElse(paper.weightDecay()), number(all, "grad_clip").orElse(paper.clipNorm()));
        Schedule schedule = schedule(all);
        long seed = (long) number(all, "seed").orElse(1);
        int evalBatches = (int) number(all, "eval_batches").orElse(DEFAULT_EVAL_BATCHES);
        PrecisionValue precision = all.get("precision").filter(v -> v instanceof PrecisionValue)
                .map(PrecisionValue.class::cast).orElse(new PrecisionValue(Map.of()));
        boolean queries = all.get("quantize_queries").filter(v -> v instanceof BoolValue)
                .map(v -> ((BoolValue) v).value()).orElse(false);
        Quantization quantization = quantization(precision, queries);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", modelFields(config));
        f.put("data", data.fingerprint());
        f.put("precision", precisionFields(precision, queries));
        f.put("optimizer", Map.of("lr", lr, "beta1", optimizer.beta1(), "beta2", optimizer.beta2(),
                "eps", optimizer.eps(), "weight_decay", optimizer.weightDecay(), "grad_clip", optimizer.clipNorm()));
        f.put("schedule", Map.of("kind", schedule.kind().name().toLowerCase(java.util.Locale.ROOT),
                "warmup", schedule.warmupFraction(), "min", schedule.minFraction(), "decay", schedule.decayFraction()));
        f.put("batch", batch);
        f.put("tokens", budget);
        f.put("seed", seed);
        f.put("eval", Map.of("every", EVAL_EVERY, "batches", evalBatches));
        f.put("trainer", TRAINER_VERSION);
        TrainingSpec training = training(config, optimizer, schedule, quantization, f);
        return new ResolvedRun(all, RunSpec.of(f), training, config.nonEmbeddingParams(),
                training.steps() * training.tokensPerStep());
    }

    /**
     * The training spec of a run: what {@link #resolve} trains with, and what {@link SpecTraining}
     * rebuilds from a run spec on another machine, built the same way from the same values.
     *
     * @param config the model
     * @param optimizer AdamW settings, the peak learning rate included
     * @param schedule the learning-rate schedule
     * @param quantization the training precision's quantizers
     * @param fields the run spec's fields, for {@code batch}, {@code tokens}, {@code seed} and {@code eval}
     */
    static TrainingSpec training(TransformerConfig config, AdamWConfig optimizer, Schedule schedule,
            Quantization quantization, Map<String, Object> fields) {
        Map<?, ?> eval = (Map<?, ?>) fields.get("eval");
        return TrainingSpec.of(config, optimizer.peakLr(), ((Number) fields.get("batch")).intValue(),
                        ((Number) fields.get("tokens")).longValue())
                .withOptimizer(optimizer).withSchedule(schedule).withSeed(((Number) fields.get("seed")).longValue())
                .withEvaluation(((Number) eval.get("every")).intValue(), ((Number) eval.get("batches")).intValue())
                .withQuantization(quantization).withCheckpoints(null, CHECKPOINT_EVERY);
    }

    private static TransformerConfig config(ModelValue model, int dataVocab) {
        if (!model.architecture().equals("transformer")) {
            throw new IllegalArgumentException("the trainer trains transformer models, not '" + model.architecture() + "'");
        }
        int vocab = (int) model.intField("vocab", 0);
        if (vocab == 0) {
            vocab = dataVocab;
        } else if (vocab < dataVocab) {
            throw new IllegalArgumentException("model " + model.name() + " has vocab " + vocab
                    + " but the data has " + dataVocab + " tokens");
        }
        double ratio = number(model.config(), "mlp_ratio").orElse(TransformerConfig.SWIGLU_RATIO);
        boolean tied = model.config().get("tied").filter(v -> v instanceof BoolValue)
                .map(v -> ((BoolValue) v).value()).orElse(true);
        return new TransformerConfig((int) model.intField("layers", 0), (int) model.intField("width", 0),
                (int) model.intField("heads", 0), ratio, (int) model.intField("context", 0), vocab, tied, ModelOptions.OLMO);
    }

    /** The script's schedules decay to zero after their warmup; without one, the paper's (cosine, 10% warmup, to 10%). */
    private static Schedule schedule(RecordValue all) {
        if (!(all.get("schedule").orElse(null) instanceof SpecValue s)) {
            return Schedule.paper();
        }
        double warmup = number(s.options(), "warmup").orElse(0.1);
        return switch (s.name()) {
            case "cosine" -> new Schedule(Schedule.Kind.COSINE, warmup, 0.0, 1.0);
            case "linear" -> new Schedule(Schedule.Kind.LINEAR, warmup, 0.0, 1.0);
            case "constant" -> new Schedule(Schedule.Kind.CONSTANT, warmup, 1.0, 1.0);
            default -> throw new IllegalArgumentException("the trainer has no schedule '" + s.name() + "'");
        };
    }

    /**
     * Roles the precision leaves unset train unquantized; the law reads them as the paper's 16-bit
     * baseline ({@link PrecisionValue#bits(PrecisionValue.Role)}), where its precision factors are 1
     * to within 1e-3.
     */
    static Quantization quantization(PrecisionValue p, boolean queries) {
        TensorQuantizer kv = quantizer(p, PrecisionValue.Role.KV);
        if (queries && kv == null) {
            throw new IllegalArgumentException("quantize_queries needs a kv precision");
        }
        return new Quantization(quantizer(p, PrecisionValue.Role.WEIGHTS), quantizer(p, PrecisionValue.Role.ACTIVATIONS),
                kv, queries);
    }

    private static TensorQuantizer quantizer(PrecisionValue p, PrecisionValue.Role role) {
        return p.part(role).map(QuantValue::toSpec).map(QuantSpec::quantizer).orElse(null);
    }

    private static Map<String, Object> modelFields(TransformerConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", "olmo");
        m.put("layers", c.layers());
        m.put("width", c.width());
        m.put("heads", c.heads());
        m.put("mlp_ratio", c.mlpRatio());
        m.put("context", c.context());
        m.put("vocab", c.vocab());
        m.put("tied", c.tied());
        return m;
    }

    private static Map<String, Object> precisionFields(PrecisionValue p, boolean queries) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (PrecisionValue.Role role : PrecisionValue.Role.values()) {
            p.part(role).ifPresent(q -> m.put(role.field(), Map.of("format", q.format().name(),
                    "granularity", q.granularity().map(g -> g.spelling()).orElse("natural"),
                    "rounding", q.rounding().mode().name().toLowerCase(java.util.Locale.ROOT))));
        }
        m.put("queries", queries);
        return m;
    }

    private static java.util.OptionalDouble number(RecordValue r, String field) {
        Value v = r.get(field).orElse(null);
        if (v == null) {
            return java.util.OptionalDouble.empty();
        }
        if (v instanceof NumberValue n && Double.isFinite(n.value())) {
            return java.util.OptionalDouble.of(n.value());
        }
        throw new IllegalArgumentException("'" + field + "' needs a finite number, got " + v.type().describe());
    }

    /** Bits of a role for the law's columns. */
    int bits(PrecisionValue.Role role) {
        return point.get("precision").filter(v -> v instanceof PrecisionValue).map(v -> ((PrecisionValue) v).bits(role))
                .orElse(PrecisionValue.BASELINE_BITS);
    }
}
