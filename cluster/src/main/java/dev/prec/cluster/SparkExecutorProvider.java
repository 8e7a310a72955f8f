package dev.prec.cluster;

import dev.prec.store.RunStore;
import dev.prec.sweep.SweepExecutor;
import dev.prec.sweep.SweepExecutorProvider;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code spark} executor for {@link SweepExecutorProvider#find}. Settings: {@code master}
 * (required: a Spark master URL), {@code maxFailures} (attempts per run), {@code threadsPerRun},
 * {@code leaseSeconds}, {@code sharedCheckpoints} (a directory every node sees), and any Spark
 * setting by its own name ({@code spark.jars}, {@code spark.executor.memory}, ...). On a cluster
 * master, {@code spark.jars} defaults to the jar this class came from, the cluster jar.
 */
public final class SparkExecutorProvider implements SweepExecutorProvider {

    /** The settings {@link #create} understands. */
    private static final Set<String> SETTINGS = Set.of("master", "maxFailures", "threadsPerRun", "leaseSeconds",
            "sharedCheckpoints");

    @Override
    public String name() {
        return "spark";
    }

    /**
     * @throws IllegalArgumentException if {@code master} is missing, a setting is unknown, or a
     *     number does not parse or is out of range
     */
    @Override
    public SweepExecutor create(RunStore store, Map<String, String> settings) {
        for (String name : settings.keySet()) {
            if (!SETTINGS.contains(name) && !name.startsWith("spark.")) {
                throw new IllegalArgumentException("the spark executor has no setting '" + name + "'; it has "
                        + SETTINGS.stream().sorted().toList() + " and Spark's own spark.* settings");
            }
        }
        String master = settings.get("master");
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("the spark executor needs a master URL (--master), e.g. "
                    + "spark://127.0.0.1:7077 or local[4]");
        }
        SparkOptions options = SparkOptions.of(master);
        if (settings.containsKey("maxFailures")) {
            options = options.withMaxFailures(integer(settings, "maxFailures"));
        }
        if (settings.containsKey("threadsPerRun")) {
            options = options.withThreadsPerRun(integer(settings, "threadsPerRun"));
        }
        if (settings.containsKey("leaseSeconds")) {
            options = options.withLeaseSeconds(integer(settings, "leaseSeconds"));
        }
        if (settings.containsKey("sharedCheckpoints")) {
            options = options.withSharedCheckpoints(Path.of(settings.get("sharedCheckpoints")));
        }
        Map<String, String> spark = new TreeMap<>();
        settings.forEach((name, value) -> {
            if (name.startsWith("spark.")) {
                spark.put(name, value);
            }
        });
        if (!SparkExecutor.isLocal(master) && !spark.containsKey("spark.jars")) {
            // Run from the cluster jar (PREC_JAR=cluster/target/prec-cluster.jar bin/prec), the
            // executors fetch that same jar from the driver and have every class a run needs.
            ownJar().ifPresent(jar -> spark.put("spark.jars", jar));
        }
        return new SparkExecutor(store, options.withSparkConf(spark));
    }

    private static int integer(Map<String, String> settings, String name) {
        try {
            return Integer.parseInt(settings.get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("spark executor setting " + name + " must be an integer, got '"
                    + settings.get(name) + "'", e);
        }
    }

    /** The jar this class was loaded from, when it was loaded from a jar. */
    private static Optional<String> ownJar() {
        CodeSource source = SparkExecutorProvider.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location.toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            return Optional.empty();
        }
    }
}
