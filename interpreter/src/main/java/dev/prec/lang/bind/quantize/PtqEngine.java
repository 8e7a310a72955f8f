package dev.prec.lang.bind.quantize;

import dev.prec.data.Dataset;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.DataSources;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.engine.QuantizeEngine;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.GranularityValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.SpecValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import dev.prec.ptq.Evaluation;
import dev.prec.ptq.GptqOptions;
import dev.prec.ptq.PostTrainingQuantizer;
import dev.prec.ptq.PtqReport;
import dev.prec.ptq.PtqSpec;
import dev.prec.ptq.QuantizedCheckpoint;
import dev.prec.ptq.TrainedModel;
import dev.prec.store.PtqResult;
import dev.prec.tensor.WorkPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Quantizes trained runs with {@link PostTrainingQuantizer}. A run row must carry, in its config
 * or results, {@code checkpoint} (the path of its final safetensors checkpoint, as prec's trainer
 * writes it) and {@code data} (the {@code synthetic(...)} source it was trained on; calibration
 * sequences come from its training stream, losses from its validation batches), as the train
 * action's rows do. {@code eval_batches} and {@code batch} set the validation batches and sequences
 * per batch (default 4 and 8, the train action's defaults, so {@code loss_before} is the run's loss).
 *
 * <p>A run whose {@code status} column says it did not finish (failed, diverged) is not quantized:
 * its rows have NaN losses and an {@code error}, so one bad run of a sweep does not stop the action
 * and a fit leaves those rows out.
 *
 * <p>When the run is in the request's store (found by its {@code key} column), each result is kept
 * there as a child row of the run, keyed by the PTQ spec and evaluation, and a later request for the
 * same (run, spec) reuses that row (and its checkpoint) instead of quantizing again.
 *
 * <p>Each result row keeps the run's config with {@code post} set to the target precision and
 * {@code post_bits} and {@code P_post} to its bits (the variable of {@code kumar2024.ptq}, fitted
 * with {@code target: "delta"}), and has the results {@code loss} (after quantization),
 * {@code loss_before}, {@code delta} (delta_PTQ = loss - loss_before), {@code method}, {@code damp}
 * (the largest GPTQ dampening used after Cholesky retries; NaN for rtn), {@code calibration} and
 * {@code calibration_seed}, {@code rel_errors} (each layer's relative reconstruction error, forward
 * order), {@code wall_seconds} and {@code checkpoint} (the quantized model, written beside the
 * run's checkpoint as {@code ptq-<spec key>.safetensors}).
 */
public final class PtqEngine implements QuantizeEngine {

    @Override
    public RunTable quantize(Request request, ActionContext context) {
        List<RunTable.Run> out = new ArrayList<>();
        int total = request.runs().rows().size() * request.targets().size();
        // One dataset per source: a sweep's runs share theirs, and opening one builds its tables.
        Map<Value, Dataset> datasets = new java.util.HashMap<>();
        try (StoredResults stored = StoredResults.open(request.store())) {
            for (RunTable.Run run : request.runs().rows()) {
                RecordValue fields = run.fields();
                Optional<String> unfinished = fields.get("status").filter(v -> v instanceof StringValue)
                        .map(v -> ((StringValue) v).value()).filter(st -> !st.equals("done"));
                Lazy<TrainedModel> model = new Lazy<>(() -> read(Path.of(string(fields, "checkpoint"))));
                Lazy<Dataset> data = new Lazy<>(() -> datasets.computeIfAbsent(source(fields), PtqEngine::open));
                for (PrecisionValue target : request.targets()) {
                    context.checkCancelled();
                    PtqSpec spec = spec(request.method(), target);
                    RecordValue results = unfinished.map(PtqEngine::notQuantized).orElseGet(() -> results(
                            quantizeOne(new Job(fields, spec, model, data), stored, new Progress(context, out.size(),
                                    total))));
                    out.add(new RunTable.Run(run.config().with("post", target)
                            .with("post_bits", NumberValue.of(spec.format().bits()))
                            .with("P_post", NumberValue.of(spec.format().bits())), results));
                    context.report(new ProgressEvent("quantize", out.size(), total, label(spec) + " done"));
                }
            }
        }
        return new RunTable(out);
    }

    /** One (run, spec) to quantize, with the run's model and data read on first use. */
    private record Job(RecordValue fields, PtqSpec spec, Lazy<TrainedModel> model, Lazy<Dataset> data) {
    }

    /** Where layer progress goes: the action's context, at the job's index of the total. */
    private record Progress(ActionContext context, int index, int total) {
    }

    /** The stored result of a job, or a new one, kept in the store when the run is there. */
    private static PtqResult quantizeOne(Job job, StoredResults stored, Progress progress) {
        RecordValue fields = job.fields();
        Path checkpoint = Path.of(string(fields, "checkpoint"));
        Evaluation eval = new Evaluation(whole(fields, "eval_batches", 4), whole(fields, "batch", 8));
        Optional<String> parent = stored.parentOf(fields);
        Optional<PtqResult> kept = parent.flatMap(p -> stored.reusable(p, job.spec().storeSpec(eval)));
        if (kept.isPresent()) {
            return kept.get();
        }
        String label = label(job.spec());
        PtqReport report = PostTrainingQuantizer.quantize(job.model().get(), job.data().get(), job.spec(), eval,
                WorkPool.defaultThreads(), (layer, n, layers) -> {
                    progress.context().checkCancelled();
                    progress.context().report(new ProgressEvent("quantize", progress.index(), progress.total(),
                            label + ": " + layer.name()));
                });
        Path file = checkpoint.resolveSibling("ptq-" + report.storeSpec().shortKey() + ".safetensors");
        try {
            QuantizedCheckpoint.write(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PtqResult result = report.toStored(parent.orElse(""), Optional.of(file));
        if (parent.isPresent()) {
            stored.keep(result);
        }
        return result;
    }

    private static String label(PtqSpec spec) {
        return spec.method().name().toLowerCase(Locale.ROOT) + " " + spec.format().name();
    }

    /** The results of a run that did not finish training: no losses, and why. */
    private static RecordValue notQuantized(String status) {
        Map<String, Value> v = new LinkedHashMap<>();
        v.put("loss", NumberValue.of(Double.NaN));
        v.put("loss_before", NumberValue.of(Double.NaN));
        v.put("delta", NumberValue.of(Double.NaN));
        v.put("error", new StringValue("not quantized: the run is " + status));
        return new RecordValue(v);
    }

    private static RecordValue results(PtqResult r) {
        Map<String, Value> v = new LinkedHashMap<>();
        v.put("loss", NumberValue.of(r.losses().after()));
        v.put("loss_before", NumberValue.of(r.losses().before()));
        v.put("delta", NumberValue.of(r.losses().delta()));
        v.put("method", new StringValue(String.valueOf(r.spec().fields().get("method"))));
        v.put("damp", NumberValue.of(r.damp()));
        r.calibration().ifPresent(c -> {
            v.put("calibration", NumberValue.of(c.sequences()));
            v.put("calibration_seed", NumberValue.of(c.seed()));
        });
        v.put("rel_errors", new ListValue(r.layers().stream()
                .map(l -> (Value) NumberValue.of(l.relative())).toList()));
        v.put("wall_seconds", NumberValue.of(r.wallSeconds()));
        r.checkpoint().ifPresent(c -> v.put("checkpoint", new StringValue(c)));
        return new RecordValue(v);
    }

    private static TrainedModel read(Path checkpoint) {
        try {
            return TrainedModel.read(checkpoint);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * The PTQ spec of a method and a target precision; a per-group target overrides the method's group,
     * and a block format (mxfp4, nvfp4, ...) uses its own blocks.
     */
    static PtqSpec spec(SpecValue method, PrecisionValue target) {
        QuantValue q = target.part(PrecisionValue.Role.POST).or(() -> target.part(PrecisionValue.Role.WEIGHTS))
                .orElseThrow(() -> new IllegalArgumentException("a quantize target needs a post or weights format"));
        PtqSpec.Method m = switch (method.name()) {
            case "gptq" -> PtqSpec.Method.GPTQ;
            case "rtn" -> PtqSpec.Method.RTN;
            default -> throw new IllegalArgumentException("unknown quantization method " + method.name()
                    + "; use rtn or gptq");
        };
        RecordValue o = method.options();
        // A block format brings its own groups (its blocks); the method's group is for element formats.
        int group = q.granularity().filter(g -> g.kind() == GranularityValue.Kind.PER_GROUP)
                .map(GranularityValue::group)
                .orElse(q.format().format() instanceof dev.prec.format.BlockFormat ? 0 : whole(o, "group", 0));
        GptqOptions g = GptqOptions.DEFAULT.withDamp(real(o, "damp", GptqOptions.DEFAULT.damp()))
                .withBlockSize(whole(o, "block", GptqOptions.DEFAULT.blockSize()))
                .withActOrder(o.get("act_order").map(v -> v instanceof BoolValue b && b.value()).orElse(false));
        PtqSpec.Calibration c = new PtqSpec.Calibration(whole(o, "calibration", 128), (long) real(o, "seed", 0));
        return PtqSpec.of(m, q.format().format(), group).withGptq(g).withCalibration(c);
    }

    /** The run's data source. */
    private static Value source(RecordValue fields) {
        return fields.get("data").orElseThrow(() -> new IllegalArgumentException(
                "quantize needs each run's data source in a 'data' column"));
    }

    /** A data source opened as the trainer opened it. */
    private static Dataset open(Value v) {
        if (!(v instanceof DataValue d)) {
            throw new IllegalArgumentException("the 'data' column must hold a data source, got " + v);
        }
        return DataSources.open(d);
    }

    private static String string(RecordValue r, String name) {
        return r.get(name).filter(v -> v instanceof StringValue).map(v -> ((StringValue) v).value())
                .orElseThrow(() -> new IllegalArgumentException("run has no '" + name
                        + "' (the path of its final checkpoint); quantize needs runs trained with checkpoints"));
    }

    private static double real(RecordValue r, String name, double fallback) {
        return r.get(name).filter(v -> v instanceof NumberValue).map(v -> ((NumberValue) v).value()).orElse(fallback);
    }

    private static int whole(RecordValue r, String name, int fallback) {
        return (int) Math.round(real(r, name, fallback));
    }

    /** A value computed on first use: a run's model and data are read only when some target is not stored. */
    private static final class Lazy<T> {
        /** Computes the value. */
        private final java.util.function.Supplier<T> compute;
        /** The value once computed, else null. */
        private T value;

        Lazy(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }
}
