package dev.prec.lang.engine;

/**
 * A step of long work, as engines report it and hosts receive it.
 *
 * @param action the action at work ({@code train}, {@code fit}, ...)
 * @param done units finished so far, {@code 0 <= done <= total}
 * @param total units in all, {@code total >= 0} (0 when unknown)
 * @param message what just happened, e.g. "run 3/12 finished: loss 3.41"
 */
public record ProgressEvent(String action, long done, long total, String message) {
    public ProgressEvent {
        if (action == null || message == null) {
            throw new IllegalArgumentException("action and message are required");
        }
        if (done < 0 || total < 0 || (total > 0 && done > total)) {
            throw new IllegalArgumentException("need 0 <= done <= total, got " + done + "/" + total);
        }
    }
}
