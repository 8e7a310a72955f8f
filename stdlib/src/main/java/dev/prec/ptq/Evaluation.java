package dev.prec.ptq;

/**
 * How losses are measured and calibration batches are run: the mean loss of validation batches
 * {@code 0 .. batches-1} of {@code batchSize} sequences, as the trainer measures a run's final loss
 * (same batches and size give the same number for the same weights).
 *
 * @param batches validation batches, {@code >= 1}
 * @param batchSize sequences per forward pass, {@code >= 1}
 */
public record Evaluation(int batches, int batchSize) {

    /** @throws IllegalArgumentException if a value is below 1 */
    public Evaluation {
        if (batches < 1 || batchSize < 1) {
            throw new IllegalArgumentException("batches and batchSize must be >= 1, got " + batches + ", " + batchSize);
        }
    }
}
