package dev.prec.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * One run as it travels from the driver to an executor (the store's records are not
 * {@link Serializable}, so the spec goes as its canonical JSON).
 *
 * @param specJson the run's resolved spec, canonical JSON
 * @param threads threads the run trains with, {@code >= 1}
 * @param resume the checkpoint to resume from, or null to start afresh
 * @param sharedDirectory the run's checkpoint directory on a shared file system, or null to use
 *     a temporary directory on the executor and ship checkpoints back
 */
record ShippedRun(String specJson, int threads, ShippedFile resume, String sharedDirectory) implements Serializable {

    /** @throws IllegalArgumentException if {@code threads < 1} */
    ShippedRun {
        Objects.requireNonNull(specJson, "specJson");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
