package dev.prec.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prec.store.RunRecord;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import dev.prec.sweep.LocalExecutor;
import dev.prec.sweep.LocalOptions;
import dev.prec.sweep.SweepListener;
import dev.prec.sweep.SweepReport;
import dev.prec.sweep.SweepRequest;
import dev.prec.sweep.TinyTraining;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sweep's results table as text, every bit of each loss in hex: what "equal bit for bit" compares. */
final class ResultsTable {

    private ResultsTable() {
    }

    /**
     * @param runs the runs as stored
     * @return one row per run: key, status, final and every validation and training loss as raw
     *     bits, the machine and the checkpoint count; wall-clock timing and checkpoint paths left out
     */
    static List<String> of(List<RunRecord> runs) {
        List<String> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            StringBuilder row = new StringBuilder(r.key()).append(' ').append(r.status().label());
            if (r.result().isPresent()) {
                RunResult x = r.result().get();
                row.append(" final=").append(Long.toHexString(Double.doubleToRawLongBits(x.finalValLoss())));
                x.validation().forEach(p -> row.append(" v").append(p.step()).append('/').append(p.tokens())
                        .append('=').append(Long.toHexString(Double.doubleToRawLongBits(p.loss()))));
                x.training().forEach(p -> row.append(" t").append(p.step()).append('/').append(p.tokens())
                        .append('=').append(Long.toHexString(Double.doubleToRawLongBits(p.loss()))));
                row.append(" machine=").append(x.machine()).append(" checkpoints=").append(x.checkpoints().size());
            }
            r.error().ifPresent(e -> row.append(" error=").append(e));
            rows.add(row.toString());
        }
        return rows;
    }

    /**
     * The table of the tiny runs trained by the local executor, as many at once as there are cores.
     *
     * @param file the store to create
     * @param runs tiny runs ({@link TinyTraining})
     * @return their table
     */
    static List<String> local(Path file, List<RunSpec> runs) {
        try (RunStore store = RunStore.open(file)) {
            SweepReport report = new LocalExecutor(store, LocalOptions.defaults()
                    .withParallelRuns(Runtime.getRuntime().availableProcessors()).withShutdownHandling(false))
                    .execute(new SweepRequest(runs, TinyTraining.task(), false), SweepListener.NONE);
            assertEquals(runs.size(), report.count(RunStatus.DONE));
            return of(report.runs());
        }
    }
}
