package dev.prec.train;

import dev.prec.data.Dataset;
import dev.prec.model.Transformer;
import dev.prec.tensor.Matmul;
import dev.prec.tensor.Matmuls;
import dev.prec.tensor.WorkPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains a {@link Transformer} on a {@link Dataset} as a {@link TrainingSpec} says. Step s reads
 * training batch s, runs forward and backward, clips, and applies AdamW with the schedule's rate.
 * A run is a pure function of its spec and data: the same bits for every thread count. When the
 * spec names a checkpoint directory holding a checkpoint of the same spec, the run resumes after
 * the checkpoint's step and ends with the same result as an uninterrupted run.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Runs training without progress reports or cancellation.
     *
     * @see #run(TrainingSpec, Dataset, TrainingListener, BooleanSupplier)
     */
    public static TrainingResult run(TrainingSpec spec, Dataset data) {
        return run(spec, data, TrainingListener.NONE, () -> false);
    }

    /**
     * Runs training.
     *
     * @param spec the run
     * @param data training and validation batches; its vocabulary must equal the model's
     * @param listener progress callbacks, on this thread
     * @param cancelled polled before every step; when it returns true the run stops with status CANCELLED
     * @return the result
     * @throws IllegalArgumentException if {@code data.vocabSize() != spec.model().vocab()}
     * @throws UncheckedIOException if a checkpoint cannot be read or written
     */
    public static TrainingResult run(TrainingSpec spec, Dataset data, TrainingListener listener, BooleanSupplier cancelled) {
        if (data.vocabSize() != spec.model().vocab()) {
            throw new IllegalArgumentException("dataset vocabulary " + data.vocabSize() + " differs from the model's "
                    + spec.model().vocab());
        }
        long wallStart = System.nanoTime();
        try (WorkPool pool = new WorkPool(spec.threads())) {
            Matmul mm = Matmuls.best(pool);
            Transformer model = new Transformer(spec.model(), spec.quantization(), spec.batch(), mm, pool);
            Run run = new Run(spec, data, model, pool, listener);
            run.start();
            return run.loop(cancelled, wallStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mutable state of one run. */
    private static final class Run {
        private final TrainingSpec spec;
        private final Dataset data;
        private final Transformer model;
        private final TrainingListener listener;
        private final AdamW adam;
        private final int[] tokens;
        /** Sum of the parameters over the averaged tail, or null without averaging. */
        private final float[] average;
        private final long steps;
        private final long averageStart;
        private final Path checkpointFile;
        private final List<TrainingResult.Point> curve = new ArrayList<>();
        private final List<TrainingResult.Point> validation = new ArrayList<>();
        private long nextStep;
        private long averageCount;
        private double initialLoss = Double.NaN;

        Run(TrainingSpec spec, Dataset data, Transformer model, WorkPool pool, TrainingListener listener) {
            this.spec = spec;
            this.data = data;
            this.model = model;
            this.listener = listener;
            this.adam = new AdamW(spec.optimizer(), model.layout(), pool);
            this.tokens = new int[spec.batch() * (spec.model().context() + 1)];
            this.steps = spec.steps();
            this.averageStart = spec.averageFraction() > 0 ? steps - Math.max(1, Math.round(spec.averageFraction() * steps)) : steps;
            this.average = spec.averageFraction() > 0 ? new float[model.layout().size()] : null;
            this.checkpointFile = spec.checkpointDir() == null ? null : spec.checkpointDir().resolve(Checkpoint.FILE);
        }

        void start() throws IOException {
            if (checkpointFile != null && Files.exists(checkpointFile)) {
                Checkpoint c = Checkpoint.read(checkpointFile, spec, model.layout(), buffers());
                nextStep = c.step() + 1;
                initialLoss = c.initialLoss();
                averageCount = c.averageCount();
                curve.addAll(c.curve());
                validation.addAll(c.validation());
            } else {
                model.layout().initialise(model.parameters(), spec.seed());
            }
        }

        TrainingResult loop(BooleanSupplier cancelled, long wallStart) throws IOException {
            long stepNanos = 0;
            long stepsTaken = 0;
            TrainingResult.Status status = TrainingResult.Status.COMPLETED;
            long divergedStep = -1;
            for (long s = nextStep; s < steps; s++) {
                if (cancelled.getAsBoolean()) {
                    status = TrainingResult.Status.CANCELLED;
                    break;
                }
                long t0 = System.nanoTime();
                double loss = step(s);
                stepNanos += System.nanoTime() - t0;
                stepsTaken++;
                curve.add(new TrainingResult.Point(s, (s + 1) * spec.tokensPerStep(), loss));
                if (s == 0) {
                    initialLoss = loss;
                }
                if (!Double.isFinite(loss) || loss > spec.divergenceFactor() * initialLoss) {
                    status = TrainingResult.Status.DIVERGED;
                    divergedStep = s;
                    break;
                }
                listener.onStep(s, steps, loss);
                if ((s + 1) % spec.evalEvery() == 0 && s + 1 < steps) {
                    validate(s);
                }
                if (checkpointFile != null && (s + 1) % spec.checkpointEvery() == 0 && s + 1 < steps) {
                    Files.createDirectories(spec.checkpointDir());
                    new Checkpoint(s, initialLoss, averageCount, curve, validation)
                            .write(checkpointFile, spec, model.layout(), buffers());
                }
            }
            long last = curve.isEmpty() ? -1 : curve.get(curve.size() - 1).step();
            if (checkpointFile != null && status == TrainingResult.Status.COMPLETED && stepsTaken > 0) {
                // The final weights, for post-training quantization; resuming from it takes no step.
                Files.createDirectories(spec.checkpointDir());
                new Checkpoint(last, initialLoss, averageCount, curve, validation)
                        .write(checkpointFile, spec, model.layout(), buffers());
            }
            double finalVal = Double.NaN;
            double averagedVal = Double.NaN;
            if (status != TrainingResult.Status.DIVERGED && last >= 0) {
                finalVal = validate(last);
                if (average != null && averageCount > 0) {
                    averagedVal = averagedValidation();
                }
            }
            double tokensPerSecond = stepNanos == 0 ? 0 : stepsTaken * spec.tokensPerStep() / (stepNanos * 1e-9);
            return new TrainingResult(status, last + 1, finalVal, averagedVal, curve, validation, tokensPerSecond,
                    (System.nanoTime() - wallStart) * 1e-9, divergedStep);
        }

        /** One optimiser step on training batch s; returns the batch loss (before the update). */
        private double step(long s) {
            data.trainBatch(s, spec.batch(), spec.model().context(), tokens);
            model.setRoundingKey(spec.seed(), s);
            model.zeroGradients();
            double loss = model.forward(tokens);
            if (!Double.isFinite(loss)) {
                return loss;
            }
            model.backward();
            adam.clip(model.gradients());
            double lr = spec.schedule().rate(s, steps, spec.optimizer().peakLr());
            adam.update(model.parameters(), model.gradients(), s, lr);
            if (average != null && s >= averageStart) {
                float[] p = model.parameters();
                for (int i = 0; i < p.length; i++) {
                    average[i] += p[i];
                }
                averageCount++;
            }
            return loss;
        }

        /** Mean validation loss over the spec's validation batches; recorded at step {@code s}. */
        private double validate(long s) {
            double loss = validationLoss();
            validation.add(new TrainingResult.Point(s, (s + 1) * spec.tokensPerStep(), loss));
            listener.onValidation(s, loss);
            return loss;
        }

        private double validationLoss() {
            double sum = 0;
            for (int i = 0; i < spec.evalBatches(); i++) {
                data.validationBatch(i, spec.batch(), spec.model().context(), tokens);
                // A fixed rounding key: validation of the same weights always sees the same rounding.
                model.setRoundingKey(spec.seed(), -1 - i);
                sum += model.forward(tokens);
            }
            return sum / spec.evalBatches();
        }

        private double averagedValidation() {
            float[] p = model.parameters();
            float[] saved = p.clone();
            for (int i = 0; i < p.length; i++) {
                p[i] = average[i] / averageCount;
            }
            double loss = validationLoss();
            System.arraycopy(saved, 0, p, 0, p.length);
            return loss;
        }

        private Checkpoint.Buffers buffers() {
            return new Checkpoint.Buffers(model.parameters(), adam.m, adam.v, average);
        }
    }
}
