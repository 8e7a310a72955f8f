package dev.prec.sweep;

import dev.prec.store.CurvePoint;
import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The sweep the executor tests run, and the table they compare. */
final class TestSweeps {

    /** Optimiser steps of a normal run: long enough that a random kill usually lands inside a run. */
    static final long STEPS = 500;
    /** Tokens per step of {@link TinyTraining} runs: batch 4 x context 16. */
    static final long TOKENS_PER_STEP = 4 * 16;

    private TestSweeps() {
    }

    /**
     * Ten tiny real training runs: eight that learn (4 seeds x 2 learning rates), one whose
     * learning rate makes it diverge, one whose model cannot be built (3 heads do not divide
     * width 16), so it fails.
     */
    static List<RunSpec> runs() {
        List<RunSpec> runs = new ArrayList<>(Sweep.of(Axis.of("seed", List.of(1L, 2L, 3L, 4L)),
                Axis.of("lr", List.of(3e-3, 1e-2))).specs(p -> TinyTraining.spec((Long) p.get("seed"),
                        p.number("lr"), STEPS * TOKENS_PER_STEP).fields()));
        runs.add(3, TinyTraining.spec(5, 50.0, STEPS * TOKENS_PER_STEP));
        runs.add(6, TinyTraining.spec(6, 3e-3, STEPS * TOKENS_PER_STEP, 3));
        return runs;
    }

    /**
     * The task the process tests run: tiny real training, noting each start and end in a log
     * so tests can count trainings.
     *
     * @param log the log file, appended to; null for none
     */
    static RunTask task(Path log) {
        TrainerTask training = TinyTraining.task();
        return context -> {
            note(log, "start " + context.spec().key());
            RunOutcome outcome = training.run(context);
            note(log, outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " "
                    + context.spec().key());
            return outcome;
        };
    }

    private static void note(Path log, String line) throws java.io.IOException {
        if (log != null) {
            java.nio.file.Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /**
     * The comparable table: every column that is a function of the spec, written exactly
     * (losses as raw bits). Left out, being measurements of this machine and moment: wall time,
     * tokens/s, machine; and bookkeeping: attempts, checkpoint directories (compared by file name).
     */
    static List<String> table(RunStore store) {
        List<String> rows = new ArrayList<>();
        for (RunRecord r : store.list().stream().sorted(Comparator.comparing(RunRecord::key)).toList()) {
            StringBuilder s = new StringBuilder(r.key()).append('|').append(r.status().label()).append('|')
                    .append(r.error().orElse("")).append('|').append(r.divergedStep()).append('|');
            r.result().ifPresent(x -> {
                s.append(Long.toHexString(Double.doubleToRawLongBits(x.finalValLoss()))).append('|');
                curve(x.validation(), s);
                curve(x.training(), s);
                x.checkpoints().forEach(c -> s.append(Path.of(c).getFileName()).append(','));
            });
            rows.add(s.toString());
        }
        return rows;
    }

    private static void curve(List<CurvePoint> curve, StringBuilder s) {
        for (CurvePoint p : curve) {
            s.append(p.step()).append(':').append(p.tokens()).append(':')
                    .append(Long.toHexString(Double.doubleToRawLongBits(p.loss()))).append(',');
        }
        s.append('|');
    }
}
