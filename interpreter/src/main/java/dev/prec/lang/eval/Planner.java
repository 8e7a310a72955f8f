package dev.prec.lang.eval;

import dev.prec.lang.ast.Action;
import dev.prec.lang.bind.optimize.MachineCalibration;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.check.CheckedProgram;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.StoredRun;
import dev.prec.lang.engine.TrainEngine;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.SweepValue;
import dev.prec.lang.value.Value;
import dev.prec.optimize.Calibration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Computes the plan of a checked program without running any action. */
public final class Planner {
    private Planner() {
    }

    /**
     * @param session the session the program would run in; left untouched (planning uses a copy)
     * @param sink receives errors of the engine-free part (e.g. a model whose sizes are impossible)
     */
    public static Plan plan(CheckedProgram program, Session session, Engines engines, DiagnosticSink sink) {
        Session scratch = session.scratch();
        Evaluator.plan(program, scratch, engines, sink);
        Map<String, Action.Train> trainedBy = new HashMap<>();
        List<SweepPlan> inline = new ArrayList<>();
        ExprEvaluator exprs = new ExprEvaluator(engines);
        ActionRunner actions = new ActionRunner(exprs);
        Env top = Env.top(scratch);
        for (Stmt s : program.program().statements()) {
            AstScan.walk(s, e -> {
                if (e instanceof Action.Train t) {
                    if (t.sweep() instanceof Expr.Ref r) {
                        trainedBy.putIfAbsent(r.name().text(), t);
                    } else {
                        inlineSweep(t.sweep(), exprs, scratch)
                                .ifPresent(v -> inline.add(trainedSweepPlan(t, v, actions, top)));
                    }
                }
            });
        }
        List<SweepPlan> sweeps = new ArrayList<>();
        scratch.bindings().forEach((name, v) -> {
            if (v instanceof SweepValue sv) {
                Action.Train t = trainedBy.get(name);
                sweeps.add(t == null ? sweepPlan(sv, false, RecordValue.EMPTY, Optional.empty())
                        : trainedSweepPlan(t, sv, actions, top));
            }
        });
        sweeps.addAll(inline);
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        program.needs().stream().filter(c -> !engines.has(c)).forEach(missing::add);
        return new Plan(sweeps, program.needs(), missing);
    }

    private static java.util.Optional<SweepValue> inlineSweep(Expr e, ExprEvaluator exprs, Session scratch) {
        try {
            return java.util.Optional.of(DomainEvaluator.sweep(exprs.eval(e, Env.top(scratch)), "(inline)", e.span()));
        } catch (ScriptError notPlannable) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The plan of a sweep that {@code t} trains: its runs are timed with the action's options (a
     * {@code batch} given there) and looked up in the run store by the trainer engine, before anything
     * runs. The store stays unknown when there is no trainer, or the data or options depend on an action.
     */
    static SweepPlan trainedSweepPlan(Action.Train t, SweepValue sweep, ActionRunner actions, Env env) {
        Optional<TrainEngine.Request> request;
        try {
            request = Optional.of(actions.trainRequest(t, sweep, env));
        } catch (ScriptError | IllegalArgumentException notKnownBeforeRunning) {
            request = Optional.empty();
        }
        RecordValue shared = request.map(TrainEngine.Request::options).orElse(RecordValue.EMPTY);
        Optional<List<StoredRun>> stored = request.flatMap(r -> actions.engines().train().flatMap(e -> e.stored(r)));
        return sweepPlan(sweep, true, shared, stored);
    }

    /**
     * Runs, axis sizes, FLOPs and, for a trained sweep, the wall time of the runs still to train.
     *
     * @param shared the train action's options, under each point (empty when not trained or not known)
     * @param stored what the store holds for each distinct run, when known
     */
    static SweepPlan sweepPlan(SweepValue s, boolean trained, RecordValue shared, Optional<List<StoredRun>> stored) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String axis : s.axes()) {
            Set<Value> distinct = new LinkedHashSet<>();
            s.points().forEach(p -> p.get(axis).ifPresent(distinct::add));
            sizes.put(axis, distinct.size());
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double total = 0;
        double totalBits = 0;
        for (RecordValue p : s.points()) {
            double[] cost = cost(p);
            min = Math.min(min, cost[0]);
            max = Math.max(max, cost[0]);
            total += cost[0];
            totalBits += cost[1];
        }
        if (s.points().isEmpty()) {
            min = 0;
        }
        // Only runs the store does not hold yet cost time: finished and failed runs are not trained again.
        List<RecordValue> toTrain = stored.map(l -> l.stream().filter(r -> r.state() == StoredRun.State.PENDING)
                .map(StoredRun::point).toList()).orElse(s.points().stream().map(shared::with).toList());
        double seconds = trained && Double.isFinite(total) && !s.points().isEmpty()
                ? MachineCalibration.get().map(c -> seconds(toTrain, c)).orElse(Double.NaN) : Double.NaN;
        return new SweepPlan(s.name(), sizes, s.considered(), s.points().size(), min, max, total, totalBits, trained,
                seconds, stored);
    }

    /** Wall seconds of the given runs on this machine, from the trainer's calibration (issue 7). */
    private static double seconds(List<RecordValue> points, Calibration c) {
        double sum = 0;
        for (RecordValue p : points) {
            if (!(p.get("model").orElse(null) instanceof ModelValue m) || !(p.get("tokens").orElse(null) instanceof NumberValue d)) {
                return Double.NaN;
            }
            int batch = p.get("batch").orElse(null) instanceof NumberValue b ? (int) b.value() : MachineCalibration.DEFAULT_BATCH;
            sum += MachineCalibration.seconds(ModelSizes.config(m), Math.max(1, (long) d.value()), Math.max(1, batch), c);
        }
        return sum;
    }

    /**
     * {6 N D, (6/16) N D P} of one run: N the model's non-embedding parameters, D its tokens, P the
     * bits of its precision (16, the bf16 baseline, when the sweep has no precision axis); NaN when
     * the run has no model or no tokens.
     */
    static double[] cost(RecordValue point) {
        if (!(point.get("model").orElse(null) instanceof ModelValue m)
                || !(point.get("tokens").orElse(null) instanceof NumberValue d)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double n = ModelSizes.nonEmbeddingParams(m);
        int bits = point.get("precision").orElse(null) instanceof PrecisionValue p ? p.bits() : PrecisionValue.BASELINE_BITS;
        double flops = 6 * n * d.value();
        return new double[] {flops, flops / 16 * bits};
    }
}
