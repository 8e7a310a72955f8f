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

    /** Steps of a normal run: long enough that a random kill usually lands inside a run. */
    static final long STEPS = 2000;

    private TestSweeps() {
    }

    /**
     * Ten runs: eight that converge (4 seeds x 2 step sizes), one whose step size makes it
     * diverge, one whose spec makes it fail.
     */
    static List<RunSpec> runs() {
        List<RunSpec> runs = new ArrayList<>(Sweep.of(Axis.of("seed", List.of(1L, 2L, 3L, 4L)),
                Axis.of("lr", List.of(0.05, 0.3))).specs(p -> GradientJob.spec((Long) p.get("seed"),
                        p.number("lr"), STEPS)));
        runs.add(3, RunSpec.of(GradientJob.spec(5, 3.0, STEPS)));
        runs.add(6, RunSpec.of(GradientJob.spec(6, 0.1, 0)));
        return runs;
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
