package dev.prec.bench.tensor;

import java.util.concurrent.CountDownLatch;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's attainable fp32 FMA rate: a loop of independent vector FMAs on registers only (no
 * loads), on 1 or more threads at once. The share of peak reported beside the matmul timings uses
 * this measured figure as well as the nominal one, because the vector units of a virtual machine may
 * not match its CPU model's data sheet (here 512-bit FMAs issue at the rate of 256-bit ones).
 */
final class FmaPeak {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Independent accumulator chains: more than FMA latency x FMA pipes, so the loop is throughput-bound. */
    private static final int CHAINS = 12;

    private FmaPeak() {
    }

    /**
     * Measures GFLOP/s of {@code threads} threads running the FMA loop together; best of 5 rounds.
     *
     * @param threads concurrent threads, {@code >= 1}
     * @return total GFLOP/s over all threads
     */
    static double gflops(int threads) throws InterruptedException {
        int iterations = 20_000_000;
        double best = 0;
        for (int round = 0; round < 5; round++) {
            CountDownLatch start = new CountDownLatch(1);
            Thread[] ts = new Thread[threads];
            float[] sink = new float[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                ts[t] = Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    sink[id] = loop(iterations);
                });
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : ts) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, 2.0 * CHAINS * F.length() * iterations * threads / seconds * 1e-9);
        }
        return best;
    }

    private static float loop(int n) {
        FloatVector x = FloatVector.broadcast(F, 0.999f);
        FloatVector y = FloatVector.broadcast(F, 0.001f);
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        FloatVector s8 = s0;
        FloatVector s9 = s0;
        FloatVector s10 = s0;
        FloatVector s11 = s0;
        for (int i = 0; i < n; i++) {
            s0 = x.fma(s0, y);
            s1 = x.fma(s1, y);
            s2 = x.fma(s2, y);
            s3 = x.fma(s3, y);
            s4 = x.fma(s4, y);
            s5 = x.fma(s5, y);
            s6 = x.fma(s6, y);
            s7 = x.fma(s7, y);
            s8 = x.fma(s8, y);
            s9 = x.fma(s9, y);
            s10 = x.fma(s10, y);
            s11 = x.fma(s11, y);
        }
        return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).add(s8).add(s9).add(s10).add(s11)
                .reduceLanes(VectorOperators.ADD);
    }
}
