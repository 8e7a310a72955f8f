package dev.prec.train;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.model.Quantization;
import dev.prec.model.Transformer;
import dev.prec.model.TransformerConfig;
import dev.prec.tensor.Matmuls;
import dev.prec.tensor.Vectorization;
import dev.prec.tensor.WorkPool;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training step allocates almost nothing once the JIT has compiled it: the buffers are made
 * once per run, and garbage made per step would mean collector pauses inside the timed loop and
 * step times that depend on heap state.
 */
class StepAllocationTest {

    /**
     * Bytes per step allowed in steady state. Measured 2026-12-05: 123 KB per step, steady to the
     * byte from the second window on (the small per-call records of about 400 per-head matrix
     * products and 150 pool loops). Before lane sums stopped copying vectors into arrays, each
     * softmax row also allocated a 16-float array: about 160 KB more per step at this size.
     */
    private static final long BOUND = 160 * 1024;
    /** Steps per measured window. */
    private static final int WINDOW = 20;
    /** Windows tried before failing; the first ones run while C2 is still compiling the kernels. */
    private static final int WINDOWS = 60;

    @Test
    void aWarmTrainingStepAllocatesUnder160KiB() {
        assumeTrue(Vectorization.enabled(), "Vector API kernels unavailable: " + Vectorization.reason());
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes");
        threads.setThreadAllocatedMemoryEnabled(true);
        // configuration a of BENCHMARKS.md at a quarter of its batch: the same kernels and shapes per sequence
        TransformerConfig cfg = TransformerConfig.olmo(2, 64, 4, 64, 64);
        int batch = 8;
        Dataset data = Datasets.markov(MarkovSpec.FIRST_ORDER_64);
        int[] tokens = new int[batch * (cfg.context() + 1)];
        // one batch for every step: the data source's own per-sequence objects are not the model's step
        data.trainBatch(0, batch, cfg.context(), tokens);
        List<Long> perStep = new ArrayList<>();
        try (WorkPool pool = new WorkPool(2)) {
            Transformer model = new Transformer(cfg, Quantization.NONE, batch, Matmuls.best(pool), pool);
            model.layout().initialise(model.parameters(), 1);
            AdamW adam = new AdamW(AdamWConfig.paper(1e-3), model.layout(), pool);
            long step = 0;
            for (int w = 0; w < WINDOWS; w++) {
                long before = allocated(threads);
                for (int i = 0; i < WINDOW; i++, step++) {
                    model.zeroGradients();
                    model.forward(tokens);
                    model.backward();
                    adam.clip(model.gradients());
                    adam.update(model.parameters(), model.gradients(), step, 1e-3);
                }
                long bytes = (allocated(threads) - before) / WINDOW;
                perStep.add(bytes);
                if (bytes < BOUND) {
                    return;
                }
            }
        }
        fail("every window of " + WINDOW + " steps allocated more than " + BOUND
                + " bytes per step; bytes per step by window: " + perStep);
    }

    /** Bytes allocated so far by all live threads (this one and the pool's workers among them). */
    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }
}
