package dev.prec.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkPoolTest {

    @Test
    void everyChunkRunsExactlyOnceForAnyThreadCount() {
        for (int threads = 1; threads <= 4; threads++) {
            try (WorkPool pool = new WorkPool(threads)) {
                for (int chunks : new int[] {0, 1, 2, 3, 17, 1000}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
                    for (int repeat = 0; repeat < 20; repeat++) {
                        pool.forEachChunk(chunks, runs::incrementAndGet);
                    }
                    for (int c = 0; c < chunks; c++) {
                        assertEquals(20, runs.get(c), "chunk " + c + " of " + chunks + " on " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void rangesCoverTheLoopOnceWithBoundariesFixedByTheGrain() {
        try (WorkPool pool = new WorkPool(3)) {
            AtomicIntegerArray hits = new AtomicIntegerArray(103);
            Set<String> ranges = ConcurrentHashMap.newKeySet();
            pool.forEachRange(103, 10, (from, to) -> {
                ranges.add(from + ".." + to);
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 103; i++) {
                assertEquals(1, hits.get(i), "index " + i);
            }
            assertEquals(11, ranges.size());
            assertTrue(ranges.contains("100..103"), "last range is the short remainder: " + ranges);
        }
    }

    @Test
    void aLoopStartedInsideAChunkRunsInlineAndCompletes() {
        try (WorkPool pool = new WorkPool(2)) {
            AtomicIntegerArray inner = new AtomicIntegerArray(8 * 5);
            pool.forEachChunk(8, outer -> pool.forEachChunk(5, c -> inner.incrementAndGet(outer * 5 + c)));
            for (int i = 0; i < inner.length(); i++) {
                assertEquals(1, inner.get(i), "inner chunk " + i);
            }
        }
    }

    @Test
    void aFailingChunkIsRethrownToTheCallerAndThePoolStaysUsable() {
        try (WorkPool pool = new WorkPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forEachChunk(50, c -> {
                if (c == 13) {
                    throw new IllegalStateException("chunk 13");
                }
            }));
            assertEquals("chunk 13", e.getMessage());
            AtomicIntegerArray runs = new AtomicIntegerArray(10);
            pool.forEachChunk(10, runs::incrementAndGet);
            for (int c = 0; c < 10; c++) {
                assertEquals(1, runs.get(c));
            }
        }
    }

    @Test
    void loopsStillCompleteWhileAnotherThreadKeepsACoreBusy() {
        AtomicBoolean stop = new AtomicBoolean();
        Thread hog = Thread.ofPlatform().daemon().start(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() & 1;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        try (WorkPool pool = new WorkPool(2)) {
            double[] sink = new double[64];
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int loop = 0; loop < 2000; loop++) {
                    pool.forEachChunk(64, c -> sink[c] += Math.sqrt(c + sink[c]));
                }
            });
            assertTrue(sink[63] > 0);
        } finally {
            stop.set(true);
        }
    }

    @Test
    void aClosedPoolRefusesWorkAndTheSharedPoolIsRecreatedAfterClosing() {
        WorkPool pool = new WorkPool(2);
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.forEachChunk(3, c -> { }));
        WorkPool shared = WorkPool.shared();
        assertSame(shared, WorkPool.shared());
        WorkPool.closeShared();
        WorkPool again = WorkPool.shared();
        assertNotSame(shared, again);
        assertThrows(IllegalStateException.class, () -> shared.forEachChunk(3, c -> { }));
        again.forEachChunk(3, c -> { });
    }

    @Test
    void invalidSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WorkPool(0));
        assertThrows(IllegalArgumentException.class, () -> new WorkPool(2, -1));
        try (WorkPool pool = new WorkPool(1)) {
            assertThrows(IllegalArgumentException.class, () -> pool.forEachChunk(-1, c -> { }));
            assertThrows(IllegalArgumentException.class, () -> pool.forEachRange(10, 0, (a, b) -> { }));
        }
    }
}
