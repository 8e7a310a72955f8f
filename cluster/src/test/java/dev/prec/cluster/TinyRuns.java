package dev.prec.cluster;

import dev.prec.data.MarkovSource;
import dev.prec.data.MarkovSpec;
import dev.prec.model.TransformerConfig;
import dev.prec.store.RunSpec;
import dev.prec.sweep.TrainerTask;
import dev.prec.train.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tiny real training runs: a one-layer transformer on a small Markov source, a few dozen steps. */
final class TinyRuns {

    /** The data every run trains on. */
    static final MarkovSpec DATA = new MarkovSpec(32, 1, 1.0, 32, 7);

    private TinyRuns() {
    }

    /**
     * @param count how many runs
     * @return runs differing in seed and learning rate
     */
    static List<RunSpec> sweep(int count) {
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(spec(100 + i, i % 2 == 0 ? 3e-3 : 1e-2));
        }
        return runs;
    }

    static RunSpec spec(long seed, double lr) {
        return RunSpec.of(Map.of("model", Map.of("layers", 1, "width", 16, "heads", 2, "context", 16, "vocab", 32),
                "data", new MarkovSource(DATA).fingerprint(), "lr", lr, "tokens", 64 * 40, "batch", 4,
                "seed", seed, "trainer", "prec-cluster-test"));
    }

    /** @return the task resolving {@link #spec} fields into a training setup */
    static TrainerTask task() {
        return new TrainerTask(spec -> {
            Map<String, Object> f = spec.fields();
            Map<?, ?> m = (Map<?, ?>) f.get("model");
            TransformerConfig model = TransformerConfig.olmo(num(m.get("layers")), num(m.get("width")),
                    num(m.get("heads")), num(m.get("context")), num(m.get("vocab")));
            TrainingSpec training = TrainingSpec.of(model, ((Number) f.get("lr")).doubleValue(), num(f.get("batch")),
                    ((Number) f.get("tokens")).longValue()).withSeed(((Number) f.get("seed")).longValue())
                    .withEvaluation(10, 2).withCheckpoints(null, 20);
            return new TrainerTask.Setup(training, new MarkovSource(DATA));
        });
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }
}
