package dev.prec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentClaimTest {

    @TempDir
    Path dir;

    @Test
    void ofFourConnectionsRacingForEachRunExactlyOneWins() throws Exception {
        Path file = dir.resolve("runs.db");
        List<RunSpec> specs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            specs.add(RunSpec.of(Map.of("seed", i)));
        }
        RunStore.open(file).close();
        int racers = 4;
        Map<String, String> winners = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Integer>> wins = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            Owner owner = Owner.current().withNewToken();
            wins.add(pool.submit(() -> {
                int won = 0;
                try (RunStore store = RunStore.open(file)) {
                    start.await();
                    for (RunSpec spec : specs) {
                        if (store.claim(spec, owner, Duration.ofMinutes(1)).isPresent()) {
                            String previous = winners.putIfAbsent(spec.key(), owner.token());
                            assertEquals(null, previous, "run claimed twice");
                            won++;
                        }
                    }
                }
                return won;
            }));
        }
        int total = 0;
        for (Future<Integer> f : wins) {
            total += f.get();
        }
        pool.shutdown();
        assertEquals(specs.size(), total);
        assertEquals(specs.size(), winners.size());
        try (RunStore store = RunStore.open(file)) {
            assertEquals(specs.size(), store.list(RunStatus.RUNNING).size());
            assertEquals(List.of("ok"), store.integrityCheck());
        }
    }
}
