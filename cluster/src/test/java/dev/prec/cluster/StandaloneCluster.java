package dev.prec.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on loopback: a master and workers, each in its own JVM started
 * from the Spark jars on this JVM's classpath (no Spark download), every address 127.0.0.1 and
 * every port free when chosen. {@link #close()} stops every process, executors included, and a
 * shutdown hook does the same if the test JVM ends first.
 */
final class StandaloneCluster implements AutoCloseable {

    /** How long the master and workers may take to come up on a busy machine. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** The master's count of registered live workers in its JSON page. */
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    /** The master's process. */
    private final Process master;
    /** The workers' processes, in start order. */
    private final List<Process> workers = new ArrayList<>();
    /** The master's URL, {@code spark://127.0.0.1:port}. */
    private final String url;
    /** The master's web UI port, whose JSON page says which workers are alive. */
    private final int masterUi;
    /** Where logs and work directories go. */
    private final Path directory;
    /** Stops everything if the JVM exits before {@link #close()}. */
    private final Thread hook = new Thread(this::stopAll, "prec-standalone-cluster-stop");

    private StandaloneCluster(Path directory) throws IOException {
        this.directory = directory;
        Runtime.getRuntime().addShutdownHook(hook);
        int port = freePort();
        masterUi = freePort();
        url = "spark://127.0.0.1:" + port;
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(masterUi));
    }

    /**
     * Starts a master and {@code workers} workers and waits until every worker has registered.
     *
     * @param directory where logs, the Spark home and work directories go
     * @param workers how many workers, {@code >= 1}
     * @param coresPerWorker cores each worker offers, {@code >= 1}
     * @return the running cluster
     * @throws IOException if a process cannot start
     * @throws IllegalStateException if the workers do not register in time (the logs' tails are in the message)
     */
    static StandaloneCluster start(Path directory, int workers, int coresPerWorker) throws IOException {
        StandaloneCluster cluster = new StandaloneCluster(directory);
        try {
            for (int i = 0; i < workers; i++) {
                cluster.workers.add(cluster.start("worker-" + i, "org.apache.spark.deploy.worker.Worker",
                        cluster.url, "--host", "127.0.0.1", "--port", "0",
                        "--webui-port", Integer.toString(freePort()), "--cores", Integer.toString(coresPerWorker),
                        "--memory", "1g", "--work-dir", directory.resolve("work-" + i).toString()));
            }
            cluster.awaitAliveWorkers(workers);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** @return the master's URL */
    String url() {
        return url;
    }

    /**
     * Spark settings a driver needs to run this JVM's classes on the cluster's executors: the
     * classpath, the Vector API module (without it the trainer takes its scalar path, whose sums
     * round differently) and the stack size the tests use.
     *
     * @return settings for {@link SparkOptions#withSparkConf}
     */
    static Map<String, String> executorSettings() {
        return Map.of("spark.executor.extraClassPath", classpath(),
                "spark.executor.extraJavaOptions", "--add-modules jdk.incubator.vector -Xss4m --enable-native-access=ALL-UNNAMED",
                "spark.executor.memory", "512m");
    }

    /**
     * Kills a worker as a machine failure would: the executors it launched first, then the worker.
     *
     * @param index the worker's index
     */
    void kill(int index) {
        Process worker = workers.get(index);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        await(worker.toHandle());
    }

    /**
     * @param executorId a Spark executor id of the running application
     * @return the index of the worker that launched it (its executor JVM's arguments name the id)
     */
    Optional<Integer> workerOf(String executorId) {
        for (int i = 0; i < workers.size(); i++) {
            boolean launched = workers.get(i).descendants().anyMatch(p -> {
                List<String> args = arguments(p);
                int at = args.indexOf("--executor-id");
                return at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(executorId);
            });
            if (launched) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * A process's arguments. {@code ProcessHandle.Info} leaves them out for command lines as long
     * as an executor's (its classpath is this JVM's), so on Linux they are read from /proc.
     */
    private static List<String> arguments(ProcessHandle p) {
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException gone) {
            return List.of();
        }
        return p.info().arguments().map(Arrays::asList).orElse(List.of());
    }

    /** @return each worker's descendant processes with their arguments, for failure messages */
    String processes() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < workers.size(); i++) {
            s.append("worker ").append(i).append(':');
            workers.get(i).descendants().forEach(p -> {
                String args = String.join(" ", arguments(p));
                s.append(' ').append(p.pid()).append(' ').append(args, 0, Math.min(args.length(), 300));
            });
            s.append('\n');
        }
        return s.toString();
    }

    /** @return the last lines of every process's log, for failure messages */
    String logTails() {
        StringBuilder s = new StringBuilder();
        try (var logs = Files.list(directory)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                s.append("--- ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> s.append(l).append('\n'));
            }
        } catch (IOException e) {
            s.append("(logs unreadable: ").append(e.getMessage()).append(")\n");
        }
        return s.toString();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and stops the same processes.
        }
    }

    private void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : workers) {
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        all.add(master.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(StandaloneCluster::await);
    }

    private static void await(ProcessHandle p) {
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // A process that outlives SIGKILL for 30 s is beyond what a test can do.
        }
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        Path sparkHome = directory.resolve("spark-home");
        // Workers build executor classpaths from $SPARK_HOME/jars (here empty; the classes come
        // with spark.executor.extraClassPath) and need the Scala version of a source build or this.
        Files.createDirectories(sparkHome.resolve("jars"));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-Xmx512m", "-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private void awaitAliveWorkers(int count) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        int alive = 0;
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IllegalStateException("the Spark master exited\n" + logTails());
            }
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = ALIVE_WORKERS.matcher(json);
                alive = m.find() ? Integer.parseInt(m.group(1)) : 0;
                if (alive >= count) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The master's web UI is not up yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the cluster started", e);
            }
            sleep();
        }
        throw new IllegalStateException(alive + " of " + count + " workers registered in " + STARTUP + "\n" + logTails());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
