package dev.prec.format;

import java.lang.System.Logger.Level;

/**
 * Chooses, once, whether the format kernels use the Vector API and with which vector size.
 *
 * <p>The system property {@code prec.vector.bits} overrides the choice: 0 turns the Vector API off
 * (the scalar reference runs), 128, 256 or 512 force a size; otherwise the platform's preferred
 * size is used. When the {@code jdk.incubator.vector} module is absent the scalar reference runs
 * and the reason is logged.
 */
final class KernelChoice {

    /** Vector size in bits, or 0 when the scalar reference runs. */
    static final int BITS = choose();

    private KernelChoice() {
    }

    /** Whether the Vector API kernels are in use. */
    static boolean enabled() {
        return BITS > 0;
    }

    private static int choose() {
        System.Logger log = System.getLogger(KernelChoice.class.getName());
        int requested = Integer.getInteger("prec.vector.bits", -1);
        if (requested == 0) {
            log.log(Level.INFO, "format kernels: Vector API off (prec.vector.bits=0), scalar reference in use");
            return 0;
        }
        try {
            int preferred = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
            int bits = requested > 0 ? requested : preferred;
            if (bits != 128 && bits != 256 && bits != 512) {
                throw new IllegalStateException("prec.vector.bits must be 0, 128, 256 or 512, got " + bits);
            }
            log.log(Level.DEBUG, "format kernels: Vector API with " + bits + "-bit vectors");
            return bits;
        } catch (LinkageError e) {
            log.log(Level.INFO, "format kernels: Vector API unavailable (" + e + "), scalar reference in use");
            return 0;
        }
    }
}
