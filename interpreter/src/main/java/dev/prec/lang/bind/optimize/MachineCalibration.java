package dev.prec.lang.bind.optimize;

import dev.prec.model.TransformerConfig;
import dev.prec.optimize.Calibration;
import dev.prec.train.TrainingSpec;
import java.util.Optional;

/**
 * The wall-time side of {@code plan}: this machine's trainer calibration (measured once, cached in
 * {@link Calibration#defaultCache()}, remembered for the life of the JVM) and the estimate of one
 * run. Plans are estimated at one trainer thread, the trainer's default.
 */
public final class MachineCalibration {
    /** Sequences per step when a sweep does not set {@code batch}; the work barely depends on it. */
    public static final int DEFAULT_BATCH = 32;

    private static volatile Optional<Calibration> known;

    private MachineCalibration() {
    }

    /**
     * This machine's calibration, or empty when it can be neither read nor measured (the plan then
     * leaves the wall time out rather than guess).
     */
    public static Optional<Calibration> get() {
        Optional<Calibration> k = known;
        if (k == null) {
            synchronized (MachineCalibration.class) {
                if (known == null) {
                    known = load();
                }
                k = known;
            }
        }
        return k;
    }

    private static Optional<Calibration> load() {
        try {
            return Optional.of(Calibration.cached(Calibration.defaultCache(), 1));
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    /**
     * Estimated wall seconds of one run of the sweep.
     *
     * @param model the run's architecture
     * @param tokens its training tokens D, {@code >= 1}
     * @param batch sequences per step, {@code >= 1}
     * @param calibration this machine's calibration
     */
    public static double seconds(TransformerConfig model, long tokens, int batch, Calibration calibration) {
        return calibration.seconds(TrainingSpec.of(model, 1e-3, batch, tokens));
    }
}
