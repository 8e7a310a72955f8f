package dev.prec.tensor;

/**
 * Picks the {@link Matmul} implementation for this process: {@link VectorMatmul} when
 * {@link Vectorization#enabled()}, else {@link ScalarMatmul} (the reason is logged once by
 * {@link Vectorization}).
 */
public final class Matmuls {

    private Matmuls() {
    }

    /**
     * The fastest usable matmul, running on {@link WorkPool#shared()}.
     *
     * @return a vector matmul, or the scalar reference when the Vector API is unusable
     */
    public static Matmul best() {
        return Vectorization.enabled() ? new VectorMatmul() : new ScalarMatmul();
    }

    /**
     * The fastest usable matmul, running on the given pool (the scalar fallback is single-threaded).
     *
     * @param pool threads for the vector matmul's tiles
     * @return a vector matmul on {@code pool}, or the scalar reference when the Vector API is unusable
     */
    public static Matmul best(WorkPool pool) {
        return Vectorization.enabled() ? new VectorMatmul(pool) : new ScalarMatmul();
    }

    /** One sentence saying which implementation {@link #best()} returns and why. */
    public static String description() {
        return (Vectorization.enabled() ? "VectorMatmul, " + Vectorization.bits() + "-bit vectors" : "ScalarMatmul")
                + " (" + Vectorization.reason() + ")";
    }
}
