package dev.prec.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link SweepChild} in its own JVM, with its output collected line by line. */
final class ChildJvm {

    /** The process. */
    final Process process;
    /** Lines it printed so far. */
    final List<String> lines = new CopyOnWriteArrayList<>();
    /** Counted down when it prints READY. */
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Reads the child's output. */
    private final Thread reader;
    /** Counted down when it prints its first ended run. */
    private final CountDownLatch firstEnded = new CountDownLatch(1);

    ChildJvm(Path store, int parallel, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // The same kernels as this JVM: without the Vector API module the trainer takes its scalar
        // path, whose sums round differently, and the tables would differ for that reason alone.
        process = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath, SweepChild.class.getName(), store.toString(),
                Integer.toString(parallel), log.toString()).redirectErrorStream(true).start();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                    if (line.startsWith("[")) {
                        firstEnded.countDown();
                    }
                }
            } catch (IOException e) {
                // The process was killed; what was read is kept.
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the child is about to execute; false if it did not get there in time. */
    boolean awaitReady() throws InterruptedException {
        return ready.await(30, TimeUnit.SECONDS);
    }

    /** Waits until the child reported its first ended run. */
    boolean awaitFirstEnded() throws InterruptedException {
        return firstEnded.await(30, TimeUnit.SECONDS);
    }

    /** Waits for the exit; returns its code. */
    int await() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish in 60 s; output: " + lines);
        }
        reader.join(10_000);
        return process.exitValue();
    }
}
