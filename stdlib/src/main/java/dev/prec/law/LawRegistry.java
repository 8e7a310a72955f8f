package dev.prec.law;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in laws by name, for scripts ({@code fit kumar2024.training to runs}), documentation
 * and completion. Every law here can be evaluated at its published values (except the unified
 * law's unpublished C_x) and refitted.
 */
public final class LawRegistry {
    private static final Map<String, Law> LAWS = build();

    private LawRegistry() {
    }

    private static Map<String, Law> build() {
        Map<String, Law> m = new LinkedHashMap<>();
        put(m, PublishedLaws.chinchilla("chinchilla", false,
                Map.of("A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28, "E", 1.69),
                "Hoffmann et al. 2022, arXiv 2203.15556, approach 3"));
        put(m, PublishedLaws.chinchilla("chinchilla.epoch", false,
                Map.of("A", 482.01, "alpha", 0.3478, "B", 2085.43, "beta", 0.3658, "E", 1.8172),
                "Besiroglu et al. 2024, Chinchilla Scaling: A replication attempt, arXiv 2404.10102"));
        put(m, PublishedLaws.chinchilla("chinchilla.tied", true,
                Map.of("A", PublishedLaws.A, "alpha", PublishedLaws.ALPHA, "B", PublishedLaws.B, "E", PublishedLaws.E),
                "the base of Kumar et al. 2024, arXiv 2411.04330, Table 2"));
        put(m, PublishedLaws.weights("kumar2024.weights", true));
        put(m, PublishedLaws.weights("kumar2024.weights.no-offsets", false));
        put(m, PublishedLaws.training("kumar2024.training", true, true));
        put(m, PublishedLaws.training("kumar2024.training.untied", true, false));
        put(m, PublishedLaws.training("kumar2024.training.no-offsets", false, true));
        put(m, PublishedLaws.floatingPointWeights());
        put(m, PublishedLaws.ptq("kumar2024.ptq", true));
        put(m, PublishedLaws.ptq("kumar2024.ptq.no-b", false));
        put(m, PublishedLaws.unified("kumar2024.unified", true));
        put(m, PublishedLaws.unified("kumar2024.unified.no-b", false));
        return Map.copyOf(m);
    }

    private static void put(Map<String, Law> m, Law law) {
        m.put(law.name(), law);
    }

    /** Every built-in name, sorted. */
    public static List<String> names() {
        return LAWS.keySet().stream().sorted().toList();
    }

    /** The built-in law called {@code name}, if there is one. */
    public static Optional<Law> find(String name) {
        return Optional.ofNullable(LAWS.get(name));
    }

    /**
     * The built-in law called {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the known names
     */
    public static Law get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no built-in law " + name + "; known: " + names()));
    }
}
