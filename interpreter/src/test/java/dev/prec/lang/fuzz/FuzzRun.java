package dev.prec.lang.fuzz;

import dev.prec.lang.diag.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a phase over a {@link ScriptFuzzer}'s scripts and fails on the first that makes it throw or
 * exceed the per-script time limit. The phase runs on one worker thread with a 1 MiB stack, the JVM's
 * default for a launched program, so that recursion a real run would not survive fails here too.
 * Use from any phase's tests:
 * <pre>
 * FuzzRun.of(20241104L, 10_000, Duration.ofSeconds(2)).run(source -&gt; {
 *     DiagnosticSink sink = new DiagnosticSink();
 *     Checker.check(Parser.parse(source, sink), sink);
 * });
 * </pre>
 *
 * @param seed the fuzzer's seed
 * @param count how many scripts, {@code count >= 1}
 * @param perScript the time limit of one script, positive
 * @param corpus the scripts to mutate, non-empty
 */
public record FuzzRun(long seed, int count, Duration perScript, List<String> corpus) {
    /** The worker's stack size in bytes: the JVM default thread stack on 64-bit Linux. */
    private static final long STACK_BYTES = 1L << 20;

    public FuzzRun {
        if (count < 1 || perScript.isNegative() || perScript.isZero() || corpus.isEmpty()) {
            throw new IllegalArgumentException("count >= 1, a positive time limit and a corpus are required");
        }
        corpus = List.copyOf(corpus);
    }

    /** A run over {@link ScriptFuzzer#defaultCorpus()}. */
    public static FuzzRun of(long seed, int count, Duration perScript) {
        return new FuzzRun(seed, count, perScript, ScriptFuzzer.defaultCorpus());
    }

    /**
     * Feeds every script to {@code phase}.
     *
     * @param phase the code under test; it should throw (e.g. an assertion) on a wrong result
     * @return the time all scripts took
     * @throws AssertionError naming the seed, the index and the script, when a script throws or hangs
     */
    public Duration run(Consumer<SourceFile> phase) {
        ScriptFuzzer fuzzer = new ScriptFuzzer(seed, corpus);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-worker", STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                SourceFile source = ScriptFuzzer.source(seed, i, fuzzer.next());
                Future<?> result = worker.submit(() -> phase.accept(source));
                try {
                    result.get(perScript.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    result.cancel(true);
                    throw new AssertionError("script " + i + " of seed " + seed + " took longer than " + perScript
                            + ":\n" + excerpt(source.text()));
                } catch (ExecutionException e) {
                    throw new AssertionError("script " + i + " of seed " + seed + " threw " + e.getCause()
                            + ":\n" + excerpt(source.text()), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted at script " + i, e);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String excerpt(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "\n... (" + text.length() + " characters)";
    }
}
