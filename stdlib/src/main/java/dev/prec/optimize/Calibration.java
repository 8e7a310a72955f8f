package dev.prec.optimize;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.model.TransformerConfig;
import dev.prec.train.Trainer;
import dev.prec.train.TrainingSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * This machine's speed at training, measured once with the real trainer and cached: a run is
 * estimated to take {@code overheadSeconds + secondsPerFlop * TrainingWork.flops(spec)}.
 *
 * <p>Measurement: one warm-up run (JIT), then two tiny runs whose work differs about fourfold; the
 * line through the two (time, work) points gives the rate and the fixed cost per run (model set-up,
 * data windows). It takes a few seconds. The cache is keyed by {@link #machine(int)} (cores, JVM,
 * architecture, trainer threads) so a different machine or thread count measures again.
 *
 * @param secondsPerFlop wall seconds per FLOP of {@link TrainingWork}, {@code > 0}
 * @param overheadSeconds fixed seconds per run, {@code >= 0}
 * @param machine the key of the machine and thread count measured
 */
public record Calibration(double secondsPerFlop, double overheadSeconds, String machine) {
    public Calibration {
        if (!(secondsPerFlop > 0) || !(overheadSeconds >= 0) || machine == null) {
            throw new IllegalArgumentException("need secondsPerFlop > 0 and overheadSeconds >= 0, got "
                    + secondsPerFlop + ", " + overheadSeconds);
        }
    }

    /**
     * Estimated wall seconds of one run.
     *
     * @param spec the run
     */
    public double seconds(TrainingSpec spec) {
        return overheadSeconds + secondsPerFlop * TrainingWork.flops(spec);
    }

    /** The cache key of this machine at {@code threads} trainer threads. */
    public static String machine(int threads) {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch") + ", Java "
                + Runtime.version().feature() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** The default cache file: {@code $XDG_CACHE_HOME/prec/calibration.properties}, else {@code ~/.cache/prec/...}. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("prec").resolve("calibration.properties");
    }

    /**
     * Measures this machine now (a few seconds of real training on a small Markov language).
     *
     * @param threads trainer threads, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Calibration measure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Dataset data = Datasets.markov(MarkovSpec.FIRST_ORDER_64);
        TrainingSpec small = probe(32, 40, threads);
        TrainingSpec large = probe(64, 80, threads);
        time(small, data);
        double t1 = time(small, data);
        double t2 = time(large, data);
        double w1 = TrainingWork.flops(small);
        double w2 = TrainingWork.flops(large);
        double rate = Math.max((t2 - t1) / (w2 - w1), t2 / w2 / 4);
        double overhead = Math.max(0, t1 - rate * w1);
        return new Calibration(rate, overhead, machine(threads));
    }

    /** A probe run: 2 layers of the given width, context 64, batch 8, {@code steps} steps. */
    static TrainingSpec probe(int width, int steps, int threads) {
        TransformerConfig cfg = TransformerConfig.olmo(2, width, 4, 64, 64);
        return TrainingSpec.of(cfg, 3e-3, 8, (long) steps * 8 * 64).withEvaluation(100, 2).withThreads(threads);
    }

    private static double time(TrainingSpec spec, Dataset data) {
        long t0 = System.nanoTime();
        Trainer.run(spec, data);
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The cached calibration for this machine, measuring and caching it when the file is absent,
     * unreadable or from another machine.
     *
     * @param cache the cache file (created with its directories)
     * @param threads trainer threads, {@code >= 1}
     * @throws UncheckedIOException if the cache cannot be written
     */
    public static Calibration cached(Path cache, int threads) {
        Optional<Calibration> known = read(cache).filter(c -> c.machine().equals(machine(threads)));
        if (known.isPresent()) {
            return known.get();
        }
        Calibration c = measure(threads);
        c.write(cache);
        return c;
    }

    /** The calibration stored in {@code file}, if it holds a valid one. */
    public static Optional<Calibration> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return Optional.of(new Calibration(Double.parseDouble(p.getProperty("secondsPerFlop")),
                    Double.parseDouble(p.getProperty("overheadSeconds")), p.getProperty("machine")));
        } catch (IOException | RuntimeException unreadable) {
            // a damaged or foreign file is as good as none: measure again
            return Optional.empty();
        }
    }

    /**
     * Writes this calibration to {@code file}.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("secondsPerFlop", Double.toString(secondsPerFlop));
        p.setProperty("overheadSeconds", Double.toString(overheadSeconds));
        p.setProperty("machine", machine);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, String.format(Locale.ROOT, "prec trainer calibration (%s)", machine));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibration cache " + file, e);
        }
    }
}
