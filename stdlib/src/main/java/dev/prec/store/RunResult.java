package dev.prec.store;

import java.util.List;
import java.util.Objects;

/**
 * What a finished (or diverged) run produced, as the store keeps it.
 *
 * @param finalValLoss validation loss at the end, nats per token; NaN when the run diverged
 *     before it could be measured
 * @param validation validation losses measured during training, in step order
 * @param training the training loss curve, in step order
 * @param tokensPerSecond training throughput, tokens per second of wall time, {@code >= 0}
 * @param wallSeconds wall time of the run in seconds, summed over resumed segments, {@code >= 0}
 * @param machine a description of the machine that ran it (see {@link MachineDescription})
 * @param checkpoints paths of the checkpoints the run wrote, oldest first
 */
public record RunResult(double finalValLoss, List<CurvePoint> validation, List<CurvePoint> training,
        double tokensPerSecond, double wallSeconds, String machine, List<String> checkpoints) {

    /**
     * @throws IllegalArgumentException if {@code tokensPerSecond} or {@code wallSeconds} is
     *     negative or not finite
     */
    public RunResult {
        validation = List.copyOf(validation);
        training = List.copyOf(training);
        checkpoints = List.copyOf(checkpoints);
        Objects.requireNonNull(machine, "machine");
        if (!(tokensPerSecond >= 0) || Double.isInfinite(tokensPerSecond)) {
            throw new IllegalArgumentException("tokensPerSecond must be finite and >= 0, got "
                    + tokensPerSecond);
        }
        if (!(wallSeconds >= 0) || Double.isInfinite(wallSeconds)) {
            throw new IllegalArgumentException("wallSeconds must be finite and >= 0, got " + wallSeconds);
        }
    }
}
