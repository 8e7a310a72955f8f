package dev.prec.bench.train;

import dev.prec.data.Dataset;
import dev.prec.format.Formats;
import dev.prec.format.Granularity;
import dev.prec.format.QuantSpec;
import dev.prec.format.TensorQuantizer;
import dev.prec.model.Quantization;
import dev.prec.model.TransformerConfig;
import dev.prec.tensor.Matmuls;
import dev.prec.train.AdamWConfig;
import dev.prec.train.Schedule;
import dev.prec.train.Trainer;
import dev.prec.train.TrainingListener;
import dev.prec.train.TrainingSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Tokens per second of full training steps (forward, backward, clipping, AdamW) through
 * {@link Trainer#run}, on BENCHMARKS.md's configurations a, b, c (vocabulary 256, tied embedding),
 * with random tokens. Prints one JSON line per (config, quantization): the median step time after
 * warmup, and its 10th and 90th percentiles (the spread within the process). Usage: {@code TrainThroughput <configs a,b,c> <quant none,w8a8kv8> <warmup> <steps> <threads>}.
 */
public final class TrainThroughput {

    private TrainThroughput() {
    }

    public static void main(String[] args) {
        String configs = args.length > 0 ? args[0] : "a,b,c";
        String quants = args.length > 1 ? args[1] : "none,w8a8kv8";
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        for (String name : configs.split(",")) {
            for (String quant : quants.split(",")) {
                measure(name, quant, new Timing(warmup, steps), threads);
            }
        }
    }

    /** Steps to discard, then steps to time. */
    private record Timing(int warmup, int steps) {
    }

    private static void measure(String name, String quant, Timing timing, int threads) {
        int[] sizes = switch (name) {
            case "a" -> new int[] {2, 64, 4, 64, 32};
            case "b" -> new int[] {4, 128, 4, 128, 16};
            case "c" -> new int[] {6, 256, 8, 128, 16};
            default -> throw new IllegalArgumentException("unknown config " + name);
        };
        TransformerConfig cfg = TransformerConfig.olmo(sizes[0], sizes[1], sizes[2], sizes[3], 256);
        int batch = sizes[4];
        Quantization q = switch (quant) {
            case "none" -> Quantization.NONE;
            case "w8a8kv8" -> new Quantization(int8(Granularity.PER_CHANNEL), int8(Granularity.PER_TENSOR),
                    int8(Granularity.PER_TENSOR), false);
            default -> throw new IllegalArgumentException("unknown quantization " + quant);
        };
        int total = timing.warmup() + timing.steps();
        TrainingSpec spec = TrainingSpec.of(cfg, 6e-4, batch, (long) total * batch * cfg.context())
                .withQuantization(q).withThreads(threads).withEvaluation(Integer.MAX_VALUE, 1)
                .withOptimizer(AdamWConfig.paper(6e-4)).withSchedule(Schedule.paper());
        List<Long> times = new ArrayList<>();
        long[] last = {System.nanoTime()};
        Trainer.run(spec, new RandomTokens(256), new TrainingListener() {
            @Override
            public void onStep(long step, long steps, double trainLoss) {
                long now = System.nanoTime();
                if (step >= timing.warmup()) {
                    times.add(now - last[0]);
                }
                last[0] = now;
            }
        }, () -> false);
        Collections.sort(times);
        double median = times.get(times.size() / 2) * 1e-9;
        double p10 = times.get(times.size() / 10) * 1e-9;
        double p90 = times.get(times.size() * 9 / 10) * 1e-9;
        System.out.printf(Locale.ROOT, "{\"peer\": \"prec\", \"config\": \"%s\", \"quant\": \"%s\", \"threads\": %d, "
                        + "\"params\": %d, \"ms_per_step_median\": %.3f, \"ms_per_step_p10\": %.3f, "
                        + "\"ms_per_step_p90\": %.3f, \"tokens_per_s\": %.1f, \"matmul\": \"%s\"}%n",
                name, quant, threads, cfg.totalParams(), median * 1e3, p10 * 1e3, p90 * 1e3,
                batch * cfg.context() / median, Matmuls.description());
    }

    /**
     * Symmetric absmax int8, round-to-nearest-even: the paper's scheme, as the PyTorch twin applies it.
     * Single-threaded: measured faster inside a step than a second pool competing with the trainer's.
     */
    private static TensorQuantizer int8(Granularity g) {
        return QuantSpec.of(Formats.integer(8)).withGranularity(g).quantizer();
    }

    /** Uniform random tokens, a pure function of the batch index (throughput only; nothing to learn). */
    private record RandomTokens(int vocab) implements Dataset {
        @Override
        public int vocabSize() {
            return vocab;
        }

        @Override
        public void trainBatch(long step, int batch, int context, int[] out) {
            SplittableRandom r = new SplittableRandom(step);
            for (int i = 0; i < batch * (context + 1); i++) {
                out[i] = r.nextInt(vocab);
            }
        }

        @Override
        public void validationBatch(int index, int batch, int context, int[] out) {
            trainBatch(-1 - index, batch, context, out);
        }

        @Override
        public String fingerprint() {
            return "random-tokens-" + vocab;
        }

        @Override
        public OptionalDouble entropyRate() {
            return OptionalDouble.of(Math.log(vocab));
        }
    }
}
