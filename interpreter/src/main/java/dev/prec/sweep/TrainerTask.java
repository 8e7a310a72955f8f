package dev.prec.sweep;

import dev.prec.data.Dataset;
import dev.prec.store.CurvePoint;
import dev.prec.store.MachineDescription;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.train.Trainer;
import dev.prec.train.TrainingListener;
import dev.prec.train.TrainingResult;
import dev.prec.train.TrainingSpec;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@link RunTask} that trains a transformer with {@link Trainer}: resolves the run's spec into
 * a {@link TrainingSpec} and a {@link Dataset}, points the trainer's checkpoints at the run's
 * checkpoint directory (so an interrupted run resumes there), reports progress and checkpoints,
 * and turns the trainer's result into the store's.
 */
public final class TrainerTask implements RunTask {

    /** Turns a run's resolved spec into what the trainer needs. */
    private final Resolver resolver;

    /** Resolves a run spec for the trainer; serializable so cluster executors can ship it. */
    @FunctionalInterface
    public interface Resolver extends Serializable {
        /**
         * @param spec the run's resolved spec
         * @return the training spec and the data it was resolved from
         */
        Setup resolve(RunSpec spec);
    }

    /**
     * What the trainer needs for one run.
     *
     * @param training the training spec; its threads and checkpoint directory are set per run
     * @param data the dataset, whose fingerprint the run spec holds
     */
    public record Setup(TrainingSpec training, Dataset data) {
        public Setup {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(data, "data");
        }
    }

    /** @param resolver turns run specs into training setups */
    public TrainerTask(Resolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public RunOutcome run(RunContext context) {
        Setup setup = resolver.resolve(context.spec());
        TrainingSpec spec = setup.training().withThreads(context.threads())
                .withCheckpoints(context.checkpointDirectory(), setup.training().checkpointEvery());
        long every = spec.checkpointEvery();
        long total = spec.steps() * spec.tokensPerStep();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(long step, long steps, double trainLoss) {
                context.progress(new RunProgress(Math.min(total, (step + 1) * spec.tokensPerStep()), total, trainLoss));
                // The trainer writes the checkpoint after step s - 1 returned, before step s; by
                // step s's report it is complete on disk.
                if (step > 0 && step % every == 0) {
                    checkpoint(context.checkpointDirectory()).ifPresent(context::checkpointSaved);
                }
            }
        };
        TrainingResult r = Trainer.run(spec, setup.data(), listener, context::cancelled);
        return switch (r.status()) {
            case COMPLETED -> new RunOutcome.Done(result(r, context.checkpointDirectory()));
            case DIVERGED -> new RunOutcome.Diverged(result(r, context.checkpointDirectory()), r.divergedStep(),
                    "training loss at step " + r.divergedStep() + " was not finite or exceeded "
                            + spec.divergenceFactor() + " times the first step's loss");
            case CANCELLED -> new RunOutcome.Stopped();
        };
    }

    private static RunResult result(TrainingResult r, Path checkpoints) {
        return new RunResult(r.finalValLoss(), points(r.validation()), points(r.curve()), r.tokensPerSecond(),
                r.wallSeconds(), MachineDescription.current(),
                checkpoint(checkpoints).map(p -> List.of(p.toString())).orElse(List.of()));
    }

    private static List<CurvePoint> points(List<TrainingResult.Point> points) {
        return points.stream().map(p -> new CurvePoint(p.step(), p.tokens(), p.loss())).toList();
    }

    /** The trainer's checkpoint in a directory: its one safetensors file, when written. */
    private static Optional<Path> checkpoint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".safetensors")).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
