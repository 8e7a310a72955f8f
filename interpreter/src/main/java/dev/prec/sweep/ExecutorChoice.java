package dev.prec.sweep;

import dev.prec.store.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link SweepExecutor} trains a sweep: {@code local} (this JVM), or an executor found by
 * name through {@link SweepExecutorProvider} (the cluster module's {@code spark}), with its
 * settings (e.g. {@code master}).
 *
 * @param name the executor's name
 * @param settings executor-specific settings by name; none for {@code local}
 */
public record ExecutorChoice(String name, Map<String, String> settings) {

    /** The name of the executor in this JVM. */
    public static final String LOCAL_NAME = "local";
    /** Training in this JVM. */
    public static final ExecutorChoice LOCAL = new ExecutorChoice(LOCAL_NAME, Map.of());

    /** @throws IllegalArgumentException if the name is blank or {@code local} is given settings */
    public ExecutorChoice {
        Objects.requireNonNull(name, "name");
        settings = Map.copyOf(settings);
        if (name.isBlank()) {
            throw new IllegalArgumentException("an executor needs a name, e.g. local or spark");
        }
        if (name.equals(LOCAL_NAME) && !settings.isEmpty()) {
            throw new IllegalArgumentException("the local executor takes no settings, got " + settings.keySet()
                    + "; a master URL goes with --executor spark");
        }
    }

    /** @return whether runs train in this JVM */
    public boolean local() {
        return name.equals(LOCAL_NAME);
    }

    /**
     * Checks that the executor can be made here: {@code local}, or a provider of that name on the classpath.
     *
     * @return this choice
     * @throws IllegalArgumentException naming the executors available when the provider is missing
     */
    public ExecutorChoice requireAvailable() {
        if (!local() && SweepExecutorProvider.find(name).isEmpty()) {
            throw missing();
        }
        return this;
    }

    /**
     * Makes the executor.
     *
     * @param store the run store
     * @param localOptions the settings of the local executor, used when this choice is {@code local}
     * @return a new executor
     * @throws IllegalArgumentException if no provider has the name, or a setting is unknown or malformed
     */
    public SweepExecutor create(RunStore store, LocalOptions localOptions) {
        if (local()) {
            return new LocalExecutor(store, localOptions);
        }
        return SweepExecutorProvider.find(name).orElseThrow(this::missing).create(store, settings);
    }

    private IllegalArgumentException missing() {
        List<String> available = new ArrayList<>(List.of(LOCAL_NAME));
        available.addAll(SweepExecutorProvider.available());
        return new IllegalArgumentException("no sweep executor '" + name + "' on the classpath (available: "
                + String.join(", ", available) + "). The spark executor is in the cluster module's jar, which the"
                + " default distribution leaves out: run with PREC_JAR=cluster/target/prec-cluster.jar bin/prec"
                + " (docs/cluster.md)");
    }
}
