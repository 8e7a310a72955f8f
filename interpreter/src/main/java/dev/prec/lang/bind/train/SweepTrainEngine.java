package dev.prec.lang.bind.train;

import dev.prec.data.Dataset;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.DataSources;
import dev.prec.lang.engine.StoredRun;
import dev.prec.lang.engine.TrainEngine;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import dev.prec.store.CurvePoint;
import dev.prec.store.RunRecord;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import dev.prec.store.StoreException;
import dev.prec.sweep.ExecutorChoice;
import dev.prec.sweep.LocalExecutor;
import dev.prec.sweep.LocalOptions;
import dev.prec.sweep.SweepExecutor;
import dev.prec.sweep.SweepListener;
import dev.prec.sweep.SweepReport;
import dev.prec.sweep.SweepRequest;
import dev.prec.sweep.TrainerTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * {@code train sweep on data [with {...}]}: resolves every point ({@link ResolvedRun}), plans the
 * runs in the run store named by the {@code store} option (the evaluator defaults it to
 * {@code .prec/runs.db} beside the script), trains those not ended before with
 * {@link LocalExecutor} and {@link TrainerTask} (or the executor the host or the {@code executor}
 * option chose, e.g. Spark: {@link ExecutorChoice}), and returns one row per run in sweep order.
 * Runs that ended before are not trained again, so re-running a finished script prints the same
 * table; failed and diverged runs are kept (and not retried) with their error.
 *
 * <p>Config columns: the point's fields and options, {@code batch} and {@code eval_batches} (what
 * {@code quantize} evaluates a run with), {@code N} (non-embedding parameters),
 * {@code D} (tokens trained), {@code P_w}, {@code P_a}, {@code P_kv} (bits; 16 where the precision
 * leaves a role unset), {@code data} (the data source) and {@code key} (the run's short key). Result
 * columns: {@code checkpoint} (the final weights' safetensors, when written), {@code loss} (final
 * validation loss, nats per token; NaN when the run did not finish), {@code status},
 * {@code tokens_per_s}, {@code wall_s}, {@code error} for failed or diverged runs, and the loss
 * curves as lists: {@code val_curve} (validation losses measured during training) with
 * {@code val_tokens} (training tokens seen at each), {@code train_curve} with {@code train_tokens}.
 */
public final class SweepTrainEngine implements TrainEngine {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public SweepTrainEngine() {
    }

    @Override
    public RunTable train(Request request, ActionContext context) {
        Path storeFile = request.options().get("store").filter(v -> v instanceof StringValue)
                .map(v -> Path.of(((StringValue) v).value()))
                .orElseThrow(() -> new IllegalArgumentException("train needs a run store: the option store: \"path/runs.db\""));
        Dataset data = DataSources.open(request.data());
        Map<String, ResolvedRun> runs = resolveAll(request, data);
        Map<String, TrainerTask.Setup> setups = new LinkedHashMap<>();
        runs.forEach((key, r) -> setups.put(key, new TrainerTask.Setup(r.training(), data)));
        ExecutorChoice choice = executorChoice(request.options(), context);
        TrainerTask task;
        if (choice.local()) {
            task = new TrainerTask(spec -> Optional.ofNullable(setups.get(spec.key()))
                    .orElseThrow(() -> new IllegalStateException("run " + spec.shortKey() + " is not in this sweep")));
        } else {
            // Other machines rebuild each run from its spec; prove here that they rebuild the same run.
            runs.values().forEach(SpecTraining::check);
            task = new TrainerTask(new SpecResolver(request.data(), data));
        }
        context.checkCancelled();
        SweepReport report;
        try (RunStore store = RunStore.open(storeFile)) {
            SweepExecutor executor = choice.create(store, executorOptions(request.options()));
            SweepListener listener = new TrainProgress(context, runs.size(), executor::cancel);
            report = executor.execute(new SweepRequest(runs.values().stream().map(ResolvedRun::spec).toList(), task, false),
                    listener);
        }
        if (report.cancelled()) {
            throw new CancellationException("cancelled; finished runs are kept in " + storeFile
                    + " and the rest resume from their checkpoints");
        }
        List<RunTable.Run> rows = new ArrayList<>();
        for (RunRecord record : report.runs()) {
            rows.add(row(runs.get(record.key()), record, request.data()));
        }
        return new RunTable(rows);
    }

    /** Every distinct run of the request by full key, in sweep order. */
    private static Map<String, ResolvedRun> resolveAll(Request request, Dataset data) {
        RecordValue shared = withoutEngineOptions(request.options());
        Map<String, ResolvedRun> runs = new LinkedHashMap<>();
        for (RecordValue point : request.sweep().points()) {
            ResolvedRun r = ResolvedRun.resolve(point, shared, data);
            runs.putIfAbsent(r.spec().key(), r);
        }
        return runs;
    }

    @Override
    public Optional<List<StoredRun>> stored(Request request) {
        Optional<Path> storeFile = request.options().get("store").filter(v -> v instanceof StringValue)
                .map(v -> Path.of(((StringValue) v).value()));
        // Without a store every run is still to train; the data (a text corpus may train a tokenizer)
        // is only opened to compute keys when there is a store to look them up in.
        if (storeFile.isEmpty() || !Files.exists(storeFile.get())) {
            return Optional.empty();
        }
        Map<String, ResolvedRun> runs;
        try {
            runs = resolveAll(request, DataSources.open(request.data()));
        } catch (RuntimeException unresolvable) {
            // the same error stops the train action itself, with its position; a plan just knows less
            return Optional.empty();
        }
        Map<String, RunStatus> status = new LinkedHashMap<>();
        try (RunStore store = RunStore.open(storeFile.get())) {
            runs.keySet().forEach(k -> store.get(k).ifPresent(r -> status.put(k, r.status())));
        } catch (StoreException unreadable) {
            return Optional.empty();
        }
        List<StoredRun> out = new ArrayList<>();
        runs.forEach((key, r) -> out.add(new StoredRun(r.point(), r.spec().shortKey(), state(status.get(key)))));
        return Optional.of(out);
    }

    private static StoredRun.State state(RunStatus status) {
        if (status == null) {
            return StoredRun.State.PENDING;
        }
        return switch (status) {
            case DONE -> StoredRun.State.FINISHED;
            case FAILED, DIVERGED -> StoredRun.State.FAILED;
            case PLANNED, RUNNING -> StoredRun.State.PENDING;
        };
    }

    /** The options that configure the engine rather than the runs: they stay out of run specs and tables. */
    private static RecordValue withoutEngineOptions(RecordValue options) {
        Map<String, Value> kept = new LinkedHashMap<>(options.fields());
        kept.remove("store");
        kept.remove("threads");
        kept.remove("executor");
        kept.remove("master");
        return new RecordValue(kept);
    }

    /**
     * The host's choice ({@code prec run --executor}, the embedding API) over the script's
     * {@code executor} and {@code master} options; local when neither chose.
     */
    private static ExecutorChoice executorChoice(RecordValue options, ActionContext context) {
        if (context.chosenExecutor().isPresent()) {
            return context.chosenExecutor().get();
        }
        String name = string(options, "executor").orElse(ExecutorChoice.LOCAL_NAME);
        Map<String, String> settings = new LinkedHashMap<>();
        string(options, "master").ifPresent(m -> settings.put("master", m));
        return new ExecutorChoice(name, settings);
    }

    private static Optional<String> string(RecordValue options, String name) {
        return options.get(name).filter(v -> v instanceof StringValue).map(v -> ((StringValue) v).value());
    }

    /** {@code threads: t} per run lets {@code cores / t} runs train at once; 0 or absent trains one run on every core. */
    private static LocalOptions executorOptions(RecordValue options) {
        int threads = options.get("threads").filter(v -> v instanceof NumberValue)
                .map(v -> (int) ((NumberValue) v).value()).orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = threads <= 0 ? 1 : Math.max(1, cores / threads);
        return LocalOptions.defaults().withParallelRuns(parallel);
    }

    private static RunTable.Run row(ResolvedRun run, RunRecord record, Value data) {
        Map<String, Value> config = new LinkedHashMap<>(run.point().fields());
        config.put("data", data);
        config.put("batch", NumberValue.of(run.training().batch()));
        config.put("eval_batches", NumberValue.of(run.training().evalBatches()));
        config.put("N", new NumberValue(run.params(), Unit.PARAMS));
        config.put("D", new NumberValue(run.tokens(), Unit.TOKENS));
        config.put("P_w", NumberValue.of(run.bits(PrecisionValue.Role.WEIGHTS)));
        config.put("P_a", NumberValue.of(run.bits(PrecisionValue.Role.ACTIVATIONS)));
        config.put("P_kv", NumberValue.of(run.bits(PrecisionValue.Role.KV)));
        config.put("key", new StringValue(record.spec().shortKey()));
        Map<String, Value> results = new LinkedHashMap<>();
        double loss = record.result().map(r -> r.finalValLoss()).orElse(Double.NaN);
        results.put("loss", NumberValue.of(record.status() == dev.prec.store.RunStatus.DONE ? loss : Double.NaN));
        results.put("status", new StringValue(record.status().label()));
        results.put("tokens_per_s", NumberValue.of(record.result().map(r -> r.tokensPerSecond()).orElse(0.0)));
        results.put("wall_s", NumberValue.of(record.result().map(r -> r.wallSeconds()).orElse(0.0)));
        record.error().ifPresent(e -> results.put("error", new StringValue(e)));
        record.result().ifPresent(r -> {
            putCurve(results, "val", r.validation());
            putCurve(results, "train", r.training());
        });
        // The final weights, which the quantize action reads.
        record.result().filter(r -> !r.checkpoints().isEmpty())
                .ifPresent(r -> results.put("checkpoint", new StringValue(r.checkpoints().getLast())));
        return new RunTable.Run(new RecordValue(config), new RecordValue(results));
    }

    /** A loss curve as two parallel lists, {@code <name>_curve} (nats per token) and {@code <name>_tokens}. */
    private static void putCurve(Map<String, Value> results, String name, List<CurvePoint> points) {
        if (points.isEmpty()) {
            return;
        }
        results.put(name + "_curve", new ListValue(points.stream().map(p -> (Value) NumberValue.of(p.loss())).toList()));
        results.put(name + "_tokens", new ListValue(points.stream()
                .map(p -> (Value) new NumberValue(p.tokens(), Unit.TOKENS)).toList()));
    }
}
