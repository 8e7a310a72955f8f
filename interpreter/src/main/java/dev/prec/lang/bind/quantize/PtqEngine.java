package dev.prec.lang.bind.quantize;

import dev.prec.data.Dataset;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.DataSources;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.engine.QuantizeEngine;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.GranularityValue;
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
import dev.prec.store.RunSpec;
import dev.prec.tensor.WorkPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quantizes trained runs with {@link PostTrainingQuantizer}. A run row must carry, in its config
 * or results, {@code checkpoint} (the path of its final safetensors checkpoint, as prec's trainer
 * writes it) and {@code data} (the {@code synthetic(...)} source it was trained on; calibration
 * sequences come from its training stream, losses from its validation batches), as the train
 * action's rows do. {@code eval_batches} and {@code batch} set the validation batches and sequences
 * per batch (default 4 and 8, the train action's defaults, so {@code loss_before} is the run's loss).
 *
 * <p>Each result row keeps the run's config with {@code post} set to the target precision and
 * {@code post_bits} to its bits, and has the results {@code loss} (after quantization),
 * {@code loss_before}, {@code delta}, {@code method}, {@code damp} (the largest GPTQ dampening
 * used), {@code wall_seconds} and {@code checkpoint} (the quantized model, written beside the
 * run's checkpoint as {@code ptq-<spec key>.safetensors}).
 */
public final class PtqEngine implements QuantizeEngine {

    @Override
    public RunTable quantize(Request request, ActionContext context) {
        List<RunTable.Run> out = new ArrayList<>();
        int total = request.runs().rows().size() * request.targets().size();
        int done = 0;
        for (RunTable.Run run : request.runs().rows()) {
            RecordValue fields = run.fields();
            Path checkpoint = Path.of(string(fields, "checkpoint"));
            TrainedModel model;
            try {
                model = TrainedModel.read(checkpoint);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the checkpoint " + checkpoint + ": " + e.getMessage(), e);
            }
            Dataset data = dataset(fields);
            Evaluation eval = new Evaluation(whole(fields, "eval_batches", 4), whole(fields, "batch", 8));
            for (PrecisionValue target : request.targets()) {
                context.checkCancelled();
                PtqSpec spec = spec(request.method(), target);
                String label = spec.method().name().toLowerCase(java.util.Locale.ROOT) + " " + spec.format().name();
                int index = done;
                PtqReport report = PostTrainingQuantizer.quantize(model, data, spec, eval, WorkPool.defaultThreads(),
                        (layer, n, layers) -> {
                            context.checkCancelled();
                            context.report(new ProgressEvent("quantize", index, total, label + ": " + layer.name()));
                        });
                Path file = checkpoint.resolveSibling("ptq-" + RunSpec.of(spec.fields()).shortKey() + ".safetensors");
                try {
                    QuantizedCheckpoint.write(file, report);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.add(new RunTable.Run(run.config().with("post", target)
                        .with("post_bits", NumberValue.of(spec.format().bits())), results(report, file)));
                context.report(new ProgressEvent("quantize", ++done, total, label + " done"));
            }
        }
        return new RunTable(out);
    }

    private static RecordValue results(PtqReport r, Path file) {
        double damp = r.layers().stream().mapToDouble(l -> l.damp()).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
        return new RecordValue(Map.of(
                "loss", NumberValue.of(r.lossAfter()),
                "loss_before", NumberValue.of(r.lossBefore()),
                "delta", NumberValue.of(r.delta()),
                "method", new StringValue(r.spec().method().name().toLowerCase(java.util.Locale.ROOT)),
                "damp", NumberValue.of(damp),
                "wall_seconds", NumberValue.of(r.wallSeconds()),
                "checkpoint", new StringValue(file.toString())));
    }

    /** The PTQ spec of a method and a target precision; a per-group target overrides the method's group. */
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
        int group = q.granularity().filter(g -> g.kind() == GranularityValue.Kind.PER_GROUP)
                .map(GranularityValue::group).orElse(whole(o, "group", 0));
        GptqOptions g = GptqOptions.DEFAULT.withDamp(real(o, "damp", GptqOptions.DEFAULT.damp()))
                .withBlockSize(whole(o, "block", GptqOptions.DEFAULT.blockSize()))
                .withActOrder(o.get("act_order").map(v -> v instanceof BoolValue b && b.value()).orElse(false));
        PtqSpec.Calibration c = new PtqSpec.Calibration(whole(o, "calibration", 128), (long) real(o, "seed", 0));
        return PtqSpec.of(m, q.format().format(), group).withGptq(g).withCalibration(c);
    }

    /** The run's data source, opened as the trainer opened it. */
    private static Dataset dataset(RecordValue fields) {
        Value v = fields.get("data").orElseThrow(() -> new IllegalArgumentException(
                "quantize needs each run's data source in a 'data' column"));
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
}
