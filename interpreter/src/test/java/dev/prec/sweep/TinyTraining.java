package dev.prec.sweep;

import dev.prec.data.MarkovSource;
import dev.prec.data.MarkovSpec;
import dev.prec.model.TransformerConfig;
import dev.prec.store.RunSpec;
import dev.prec.train.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tiny real training runs for executor tests: a 1-layer transformer on a small Markov source.
 * Public, and shipped in this module's test-jar, so the cluster module's executor tests train the
 * same runs as the local executor's.
 */
public final class TinyTraining {

    /** The data every tiny run trains on. */
    public static final MarkovSpec DATA = new MarkovSpec(32, 1, 1.0, 32, 3);

    private TinyTraining() {
    }

    /**
     * @param seed initialisation seed
     * @param lr peak learning rate
     * @param tokens token budget
     * @return the run spec as a script would resolve it
     */
    public static RunSpec spec(long seed, double lr, long tokens) {
        return spec(seed, lr, tokens, 2);
    }

    /** As {@link #spec(long, double, long)} with a head count; 3 heads make an invalid model. */
    public static RunSpec spec(long seed, double lr, long tokens, int heads) {
        return RunSpec.of(Map.of("model", Map.of("layers", 1, "width", 16, "heads", heads, "context", 16, "vocab", 32),
                "data", new MarkovSource(DATA).fingerprint(), "lr", lr, "tokens", tokens, "batch", 4,
                "seed", seed, "trainer", "prec-trainer-test"));
    }

    /**
     * Runs differing in seed and learning rate, 40 steps of 64 tokens each (one checkpoint).
     *
     * @param count how many runs, {@code >= 0}
     * @return the runs, seeds 100, 101, ...
     */
    public static List<RunSpec> sweep(int count) {
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(spec(100 + i, i % 2 == 0 ? 3e-3 : 1e-2, 40L * 4 * 16));
        }
        return runs;
    }

    /**
     * Resolves {@link #spec} fields back into a training setup; the resolver captures nothing, so
     * Spark ships it to executors.
     *
     * @return the task
     */
    public static TrainerTask task() {
        return new TrainerTask(spec -> {
            Map<String, Object> f = spec.fields();
            Map<?, ?> m = (Map<?, ?>) f.get("model");
            TransformerConfig model = TransformerConfig.olmo(num(m.get("layers")), num(m.get("width")),
                    num(m.get("heads")), num(m.get("context")), num(m.get("vocab")));
            TrainingSpec training = TrainingSpec.of(model, ((Number) f.get("lr")).doubleValue(), num(f.get("batch")),
                    ((Number) f.get("tokens")).longValue()).withSeed(((Number) f.get("seed")).longValue())
                    .withEvaluation(20, 2).withCheckpoints(null, 25);
            return new TrainerTask.Setup(training, new MarkovSource(DATA));
        });
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }
}
