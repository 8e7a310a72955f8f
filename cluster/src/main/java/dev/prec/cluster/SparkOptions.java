package dev.prec.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the {@link SparkExecutor}.
 *
 * @param master the Spark master URL: {@code local[N]}, {@code spark://host:port}, {@code yarn},
 *     {@code k8s://...}; ignored when the executor is given a running context
 * @param maxFailures attempts of each run's task before the run is marked failed, {@code >= 1}
 *     (Spark's {@code spark.task.maxFailures})
 * @param threadsPerRun threads each run trains with on its executor, {@code >= 1}; size executors
 *     so that {@code spark.task.cpus} equals it
 * @param lease how long the driver's claim on a run holds without renewal, {@code > 0}; renewed
 *     every third of it while the run's task is out on the cluster
 * @param sharedCheckpoints a directory every executor and the driver see at the same path (NFS,
 *     a mounted bucket): tasks then write checkpoints there instead of shipping their bytes back
 * @param sparkConf further Spark settings by name, each starting with {@code spark.} (e.g.
 *     {@code spark.jars}, {@code spark.executor.memory}); applied over the executor's defaults
 */
public record SparkOptions(String master, int maxFailures, int threadsPerRun, Duration lease,
        Optional<Path> sharedCheckpoints, Map<String, String> sparkConf) {

    /**
     * @throws IllegalArgumentException if a count is below 1, the lease is not positive, or a
     *     Spark setting's name does not start with {@code spark.}
     */
    public SparkOptions {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(sharedCheckpoints, "sharedCheckpoints");
        sparkConf = Map.copyOf(sparkConf);
        for (String name : sparkConf.keySet()) {
            if (!name.startsWith("spark.")) {
                throw new IllegalArgumentException("Spark settings start with 'spark.', got '" + name + "'");
            }
        }
        if (maxFailures < 1 || threadsPerRun < 1) {
            throw new IllegalArgumentException("maxFailures and threadsPerRun must be >= 1, got "
                    + maxFailures + " and " + threadsPerRun);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be > 0, got " + lease);
        }
    }

    /**
     * @param master the Spark master URL
     * @return four attempts per run, one thread per run, a 60 s lease, checkpoints shipped back
     */
    public static SparkOptions of(String master) {
        return new SparkOptions(master, 4, 1, Duration.ofSeconds(60), Optional.empty(), Map.of());
    }

    /**
     * @param attempts attempts of each task, {@code >= 1}
     * @return these options with that many attempts
     */
    public SparkOptions withMaxFailures(int attempts) {
        return new SparkOptions(master, attempts, threadsPerRun, lease, sharedCheckpoints, sparkConf);
    }

    /**
     * @param threads threads per run, {@code >= 1}
     * @return these options with that many threads per run
     */
    public SparkOptions withThreadsPerRun(int threads) {
        return new SparkOptions(master, maxFailures, threads, lease, sharedCheckpoints, sparkConf);
    }

    /**
     * @param directory a directory shared by the driver and every executor
     * @return these options writing checkpoints there
     */
    public SparkOptions withSharedCheckpoints(Path directory) {
        return new SparkOptions(master, maxFailures, threadsPerRun, lease, Optional.of(directory), sparkConf);
    }

    /**
     * @param seconds how long a claim holds without renewal, {@code >= 1}
     * @return these options with that lease
     */
    public SparkOptions withLeaseSeconds(long seconds) {
        return new SparkOptions(master, maxFailures, threadsPerRun, Duration.ofSeconds(seconds), sharedCheckpoints,
                sparkConf);
    }

    /**
     * @param settings Spark settings by name, each starting with {@code spark.}; they replace
     *     settings of the same name given before
     * @return these options with those settings added
     */
    public SparkOptions withSparkConf(Map<String, String> settings) {
        Map<String, String> all = new java.util.TreeMap<>(sparkConf);
        all.putAll(settings);
        return new SparkOptions(master, maxFailures, threadsPerRun, lease, sharedCheckpoints, all);
    }
}
