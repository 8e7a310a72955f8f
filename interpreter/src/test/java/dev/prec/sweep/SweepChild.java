package dev.prec.sweep;

import dev.prec.store.RunStore;
import java.nio.file.Path;

/**
 * A separate JVM running {@link TestSweeps#runs()} on a store, for the kill and two-process
 * tests. Arguments: store file, parallel runs, log file. Prints READY when about to execute;
 * exits 0 when every run ended, 3 otherwise.
 */
public final class SweepChild {

    private SweepChild() {
    }

    public static void main(String[] args) {
        RunStore store = RunStore.open(Path.of(args[0]));
        LocalExecutor executor = new LocalExecutor(store,
                LocalOptions.defaults().withParallelRuns(Integer.parseInt(args[1])));
        System.out.println("READY");
        System.out.flush();
        SweepReport report = executor.execute(new SweepRequest(TestSweeps.runs(), TestSweeps.task(Path.of(args[2])),
                false), new LineProgress(System.out));
        store.close();
        System.exit(report.complete() ? 0 : 3);
    }
}
