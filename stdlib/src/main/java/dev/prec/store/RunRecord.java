package dev.prec.store;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the store: a run's spec, where it stands, and what it produced.
 *
 * @param spec the resolved spec, holding the key
 * @param status where the run stands
 * @param error why it failed or diverged; empty otherwise
 * @param result the result of a done run, or the partial result of a diverged one
 * @param divergedStep the step at which a diverged run's loss left the finite range
 * @param resumeCheckpoint the last checkpoint written, from which an interrupted run resumes
 * @param attempts how many times the run has been claimed, {@code >= 0}
 */
public record RunRecord(RunSpec spec, RunStatus status, Optional<String> error,
        Optional<RunResult> result, OptionalLong divergedStep, Optional<String> resumeCheckpoint,
        int attempts) {

    /** @throws IllegalArgumentException if {@code attempts < 0} */
    public RunRecord {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(divergedStep, "divergedStep");
        Objects.requireNonNull(resumeCheckpoint, "resumeCheckpoint");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, got " + attempts);
        }
    }

    /** @return the run's key, the SHA-256 of its spec */
    public String key() {
        return spec.key();
    }
}
