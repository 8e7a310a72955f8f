package dev.prec.law;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels for the transcendental column operations of the compiled program, the
 * bulk of a law's evaluation cost (on x86-64 the JDK maps {@code EXP} and {@code LOG} lanewise
 * operations to its short-vector math library). Each has a scalar reference in
 * {@link #expScalar} and {@link #logScalar}, which is also the tail.
 *
 * <p>The species is chosen once: the preferred double species, or none (scalar only) when the
 * system property {@code prec.law.vector} is {@code false}, or when the preferred species has
 * fewer than 2 lanes.
 */
final class VectorMath {
    /** The species of the kernels, or null when they are disabled. */
    static final VectorSpecies<Double> SPECIES = choose();

    private VectorMath() {
    }

    private static VectorSpecies<Double> choose() {
        if (!Boolean.parseBoolean(System.getProperty("prec.law.vector", "true"))) {
            return null;
        }
        VectorSpecies<Double> s = DoubleVector.SPECIES_PREFERRED;
        return s.length() >= 2 ? s : null;
    }

    /** Lanes of {@link #SPECIES}, or 1 when vectors are disabled. */
    static int lanes() {
        return SPECIES == null ? 1 : SPECIES.length();
    }

    /** {@code out[i] = exp(in[i])} for {@code i < n}; {@code out} may be {@code in}. */
    static void exp(double[] out, double[] in, int n) {
        int i = 0;
        if (SPECIES != null && n >= 2 * SPECIES.length()) {
            int bound = SPECIES.loopBound(n);
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector.fromArray(SPECIES, in, i).lanewise(VectorOperators.EXP).intoArray(out, i);
            }
        }
        expScalar(out, in, i, n);
    }

    /** {@code out[i] = log(in[i])} for {@code i < n}; NaN for negative inputs as {@link Math#log}. */
    static void log(double[] out, double[] in, int n) {
        int i = 0;
        if (SPECIES != null && n >= 2 * SPECIES.length()) {
            int bound = SPECIES.loopBound(n);
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector.fromArray(SPECIES, in, i).lanewise(VectorOperators.LOG).intoArray(out, i);
            }
        }
        logScalar(out, in, i, n);
    }

    /** The scalar reference and tail of {@link #exp}: indices {@code from <= i < n}. */
    static void expScalar(double[] out, double[] in, int from, int n) {
        for (int i = from; i < n; i++) {
            out[i] = Math.exp(in[i]);
        }
    }

    /** The scalar reference and tail of {@link #log}: indices {@code from <= i < n}. */
    static void logScalar(double[] out, double[] in, int from, int n) {
        for (int i = from; i < n; i++) {
            out[i] = Math.log(in[i]);
        }
    }
}
