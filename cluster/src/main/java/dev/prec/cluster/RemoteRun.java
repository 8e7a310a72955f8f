package dev.prec.cluster;

import dev.prec.store.RunSpec;
import dev.prec.sweep.RunOutcome;
import dev.prec.sweep.RunTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;

/**
 * What a Spark task does with one run, on an executor: lays out its checkpoint directory (restoring
 * the shipped resume checkpoint), trains it with the sweep's {@link RunTask}, and ships the outcome
 * back with the checkpoint bytes. An exception thrown by the task propagates, so Spark retries the
 * task up to {@code spark.task.maxFailures} times; a {@link RunOutcome.Failed} the task returns is
 * a verdict about the run and is not retried.
 */
final class RemoteRun implements Function<ShippedRun, ShippedOutcome> {

    private static final long serialVersionUID = 1L;

    /** The sweep's task, shipped with every run. */
    private final RunTask task;

    /** @param task the sweep's task */
    RemoteRun(RunTask task) {
        this.task = task;
    }

    @Override
    public ShippedOutcome call(ShippedRun run) throws Exception {
        RunSpec spec = RunSpec.parse(run.specJson());
        boolean shared = run.sharedDirectory() != null;
        Path dir = shared ? Path.of(run.sharedDirectory()) : Files.createTempDirectory("prec-run-" + spec.shortKey());
        try {
            Files.createDirectories(dir);
            Optional<Path> resume = Optional.empty();
            if (run.resume() != null) {
                Path file = dir.resolve(run.resume().name());
                if (!shared || !Files.isRegularFile(file)) {
                    Files.write(file, run.resume().bytes());
                }
                resume = Optional.of(file);
            }
            RunOutcome outcome = task.run(new RemoteRunContext(spec, resume, dir, run.threads()));
            return switch (outcome) {
                case RunOutcome.Done d -> new ShippedOutcome(ShippedOutcome.Kind.DONE,
                        ShippedOutcome.Result.of(d.result()), 0, null, shipped(d.result().checkpoints(), shared));
                case RunOutcome.Diverged d -> new ShippedOutcome(ShippedOutcome.Kind.DIVERGED,
                        ShippedOutcome.Result.of(d.partial()), d.step(), d.message(),
                        shipped(d.partial().checkpoints(), shared));
                case RunOutcome.Failed f -> new ShippedOutcome(ShippedOutcome.Kind.FAILED, null, 0, f.error(), List.of());
                case RunOutcome.Stopped s -> new ShippedOutcome(ShippedOutcome.Kind.STOPPED, null, 0, null, List.of());
            };
        } finally {
            if (!shared) {
                deleteTree(dir);
            }
        }
    }

    /** The checkpoint files a result names, read into memory unless they sit on the shared directory. */
    private static List<ShippedFile> shipped(List<String> paths, boolean shared) throws IOException {
        if (shared) {
            return List.of();
        }
        List<ShippedFile> files = new ArrayList<>();
        for (String p : paths) {
            Path file = Path.of(p);
            if (Files.isRegularFile(file)) {
                files.add(new ShippedFile(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
