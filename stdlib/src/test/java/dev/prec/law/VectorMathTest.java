package dev.prec.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vector exp and log kernels agree with their scalar references at every tail-hitting size. */
class VectorMathTest {

    static IntStream sizes() {
        int l = VectorMath.lanes();
        return IntStream.of(1, Math.max(1, l - 1), l, l + 1, 2 * l, 2 * l + 1, 4 * l + 3, 1000, 4099);
    }

    /** Within 2 ulps of the scalar reference (the JDK's vector math library is accurate to about 1 ulp). */
    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertEquals(expected, actual, 2 * Math.ulp(expected), what);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void expMatchesTheScalarReference(int n) {
        double[] in = new SplittableRandom(n).doubles(n, -700, 700).toArray();
        in[0] = -0.0;
        double[] out = new double[n];
        double[] ref = new double[n];
        VectorMath.exp(out, in, n);
        VectorMath.expScalar(ref, in, 0, n);
        for (int i = 0; i < n; i++) {
            assertClose(ref[i], out[i], "exp(" + in[i] + ") at " + i + " of " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void logMatchesTheScalarReferenceIncludingNonPositiveInputs(int n) {
        SplittableRandom r = new SplittableRandom(n + 7);
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = Math.exp(r.nextDouble(-300, 300));
        }
        if (n > 2) {
            in[1] = -1;   // NaN, as Math.log: the domain check relies on it
            in[2] = 0;    // -Infinity
        }
        double[] out = new double[n];
        double[] ref = new double[n];
        VectorMath.log(out, in, n);
        VectorMath.logScalar(ref, in, 0, n);
        for (int i = 0; i < n; i++) {
            assertClose(ref[i], out[i], "log(" + in[i] + ") at " + i + " of " + n);
        }
    }
}
