package dev.prec.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float vector species every kernel of this package uses, chosen once from
 * {@link Vectorization#bits()}. Only loaded when {@link Vectorization#enabled()}.
 */
final class Lanes {

    /** The species of all vector kernels; its bit size is {@link Vectorization#bits()}. */
    static final VectorSpecies<Float> FLOAT = VectorSpecies.of(float.class, VectorShape.forBitSize(Vectorization.bits()));

    /** Floats per vector of {@link #FLOAT}. */
    static final int LENGTH = FLOAT.length();

    private Lanes() {
    }

    /**
     * Asks the Vector API for the machine's preferred width. A separate class so that
     * {@link Vectorization} can ask before {@link #FLOAT} (which needs its answer) is initialised.
     */
    static final class Probe {
        private Probe() {
        }

        /** The preferred vector size in bits; call only when the module is present. */
        static int preferredBits() {
            return FloatVector.SPECIES_PREFERRED.vectorBitSize();
        }
    }
}
