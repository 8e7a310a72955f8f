package dev.prec.tensor;

import java.lang.System.Logger.Level;

/**
 * The one decision whether prec's kernels use the Vector API, and with which vector width.
 *
 * <p>Decided once per process, then logged: the fast kernels are used when the incubating module
 * {@code jdk.incubator.vector} is present (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}), the machine's preferred vector is at least 128 bits,
 * and the system property {@value #BITS_PROPERTY} does not switch them off. That property overrides
 * the width for tests and benchmarks: {@code 0} means scalar kernels, {@code 128}, {@code 256} or
 * {@code 512} a narrower-or-equal vector than the preferred one; unset means the preferred width.
 *
 * <p>This class never touches the Vector API itself, so it can be loaded when the module is absent;
 * the chosen species lives in {@link Lanes}.
 */
public final class Vectorization {

    /** System property overriding the vector width in bits: 0 (off), 128, 256 or 512. */
    public static final String BITS_PROPERTY = "prec.vector.bits";

    private static final System.Logger LOG = System.getLogger(Vectorization.class.getName());

    /** Bits of the chosen float vector, or 0 for scalar kernels. */
    private static final int BITS;
    /** Why the choice was made, for logs and reports. */
    private static final String REASON;

    static {
        String requested = System.getProperty(BITS_PROPERTY);
        int bits = 0;
        String reason;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            reason = "module jdk.incubator.vector is absent (start the JVM with --add-modules jdk.incubator.vector)";
        } else if (requested != null && requested.trim().equals("0")) {
            reason = BITS_PROPERTY + "=0 switches the Vector API off";
        } else {
            int preferred = Lanes.Probe.preferredBits();
            if (preferred < 128) {
                reason = "the preferred vector is only " + preferred + " bits";
            } else if (requested == null || requested.isBlank()) {
                bits = preferred;
                reason = "preferred vector width";
            } else {
                bits = parseRequested(requested, preferred);
                reason = bits == preferred && !requested.trim().equals(Integer.toString(preferred))
                        ? "ignored " + BITS_PROPERTY + "='" + requested + "' (want 0, 128, 256 or 512, at most "
                                + preferred + "); using the preferred width"
                        : BITS_PROPERTY + "=" + bits;
            }
        }
        BITS = bits;
        REASON = reason;
        LOG.log(bits == 0 ? Level.INFO : Level.DEBUG,
                bits == 0 ? "prec kernels: scalar, because " + reason
                        : "prec kernels: Vector API, " + bits + "-bit float vectors (" + reason + ")");
    }

    private Vectorization() {
    }

    private static int parseRequested(String requested, int preferred) {
        try {
            int bits = Integer.parseInt(requested.trim());
            if ((bits == 128 || bits == 256 || bits == 512) && bits <= preferred) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // an unusable value falls back to the preferred width, and the reason says so
        }
        return preferred;
    }

    /** True when the Vector API kernels are usable and wanted. */
    public static boolean enabled() {
        return BITS > 0;
    }

    /** Bits of a float vector in the fast kernels (128, 256 or 512), or 0 when scalar. */
    public static int bits() {
        return BITS;
    }

    /** One sentence on why the kernels are vector or scalar. */
    public static String reason() {
        return REASON;
    }
}
