package dev.prec.sweep;

import dev.prec.store.RunStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Makes a {@link SweepExecutor} by name, found with {@link ServiceLoader} on the classpath, so the
 * command line reaches executors of modules it does not depend on (the cluster module's
 * {@code spark} executor is present only when its jar is on the classpath).
 */
public interface SweepExecutorProvider {

    /** @return the name users select it by, e.g. {@code spark} */
    String name();

    /**
     * @param store the run store the sweep reads and writes
     * @param settings executor-specific settings by name (e.g. {@code master}); unknown names are
     *     rejected
     * @return a new executor
     * @throws IllegalArgumentException if a setting is unknown or malformed
     */
    SweepExecutor create(RunStore store, Map<String, String> settings);

    /**
     * @param name an executor name
     * @return the provider of that name on the classpath, if any
     */
    static Optional<SweepExecutorProvider> find(String name) {
        return ServiceLoader.load(SweepExecutorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst();
    }

    /** @return the names of the providers on the classpath, for error messages */
    static List<String> available() {
        return ServiceLoader.load(SweepExecutorProvider.class).stream().map(p -> p.get().name()).sorted().toList();
    }
}
