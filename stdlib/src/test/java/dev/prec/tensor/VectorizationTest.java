package dev.prec.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The process-wide choice of kernels, checked in child JVMs because the choice is made once per
 * process from the {@code prec.vector.bits} property.
 */
class VectorizationTest {

    /** Entry point of the child JVM: prints the choice, and checks a product against the reference. */
    public static void main(String[] args) {
        System.out.println(Vectorization.bits() + " " + Matmuls.best().getClass().getSimpleName() + " "
                + FloatOps.best().getClass().getSimpleName());
        MatmulShape s = new MatmulShape(37, 45, 70);
        SplittableRandom rnd = new SplittableRandom(2);
        float[] a = new float[s.m() * s.k()];
        float[] b = new float[s.n() * s.k()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble();
        }
        float[] fast = new float[s.m() * s.n()];
        float[] ref = new float[s.m() * s.n()];
        Matmuls.best(new WorkPool(2)).abT(fast, 0, a, 0, b, 0, s, false);
        new ScalarMatmul().abT(ref, 0, a, 0, b, 0, s, false);
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            worst = Math.max(worst, Math.abs(fast[i] - ref[i]) / Math.abs(ref[i]));
        }
        System.out.println(worst < 1e-5 ? "agrees" : "differs by " + worst);
        System.exit(0);
    }

    private static List<String> child(String bits) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path")));
        if (bits != null) {
            cmd.add("-D" + Vectorization.BITS_PROPERTY + "=" + bits);
        }
        cmd.add(VectorizationTest.class.getName());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        return out.lines().toList();
    }

    @Test
    void zeroBitsSwitchesToTheScalarKernelsWhichStillComputeTheProduct() throws Exception {
        List<String> out = child("0");
        assertEquals(List.of("0 ScalarMatmul ScalarOps", "agrees"), out);
    }

    @Test
    void a256BitOverrideGivesVectorKernelsOfThatWidthThatAgreeWithTheReference() throws Exception {
        assumeTrue(Vectorization.enabled() && Vectorization.bits() >= 256,
                "needs vectors of at least 256 bits, have: " + Vectorization.reason());
        assertEquals(List.of("256 VectorMatmul VectorOps", "agrees"), child("256"));
    }

    @Test
    void anUnusableValueFallsBackToThePreferredWidth() throws Exception {
        assumeTrue(Vectorization.enabled(), "Vector API kernels unavailable: " + Vectorization.reason());
        assertEquals(List.of(Vectorization.bits() + " VectorMatmul VectorOps", "agrees"), child("77"));
    }
}
