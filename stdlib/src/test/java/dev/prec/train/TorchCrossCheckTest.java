package dev.prec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.format.Formats;
import dev.prec.format.Granularity;
import dev.prec.format.QuantSpec;
import dev.prec.format.TensorQuantizer;
import dev.prec.model.Quantization;
import dev.prec.model.ParameterLayout;
import dev.prec.model.ParameterTensor;
import dev.prec.model.TransformerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The independent oracle for the whole trainer: {@code peers/olmo_twin.py}, the same architecture in
 * PyTorch, starts from the same initial weights (written here as safetensors) and trains on the same
 * batches with the same per-step learning rates. Skipped, with the reason, when the Python named by
 * PREC_PYTHON (or python3) cannot import torch and safetensors.
 */
class TorchCrossCheckTest {

    private static final Path SCRIPT = Path.of("..", "peers", "olmo_twin.py");

    /**
     * @param bits 0 for fp32; else integer bits of weights (per output channel), activations and
     *     keys/values (per tensor), fake-quantized with straight-through gradients on both sides
     */
    @ParameterizedTest(name = "int bits {0} (0 = fp32)")
    @ValueSource(ints = {0, 8})
    void lossesMatchPyTorchAtStepZeroAndAfterTwentyAdamWSteps(int bits, @TempDir Path dir) throws Exception {
        String python = System.getenv().getOrDefault("PREC_PYTHON", "python3");
        assumeTrue(run(List.of(python, "-c", "import torch, safetensors"), dir) == 0,
                "PyTorch cross-check skipped: " + python + " cannot import torch and safetensors (set PREC_PYTHON)");
        assertTrue(Files.exists(SCRIPT), "missing " + SCRIPT.toAbsolutePath());
        Dataset data = Datasets.markov(MarkovSpec.FIRST_ORDER_64);
        TransformerConfig cfg = TransformerConfig.olmo(2, 32, 4, 16, 64);
        int batch = 4;
        int steps = 21;
        TrainingSpec spec = TrainingSpec.of(cfg, 3e-3, batch, (long) steps * batch * cfg.context()).withSeed(11);
        if (bits > 0) {
            TensorQuantizer perTensor = QuantSpec.of(Formats.integer(bits)).withGranularity(Granularity.PER_TENSOR).quantizer();
            TensorQuantizer perChannel = QuantSpec.of(Formats.integer(bits)).withGranularity(Granularity.PER_CHANNEL).quantizer();
            spec = spec.withQuantization(new Quantization(perChannel, perTensor, perTensor, false));
        }

        ParameterLayout layout = ParameterLayout.of(cfg);
        float[] init = new float[layout.size()];
        layout.initialise(init, spec.seed());
        Map<String, Safetensors.Tensor> weights = new LinkedHashMap<>();
        for (ParameterTensor t : layout.tensors()) {
            float[] d = java.util.Arrays.copyOfRange(init, t.offset(), t.offset() + t.size());
            weights.put(t.name(), t.rows() == 1 ? Safetensors.Tensor.of(d, t.cols()) : Safetensors.Tensor.of(d, t.rows(), t.cols()));
        }
        Safetensors.write(dir.resolve("init.safetensors"), new Safetensors.Contents(weights, Map.of()));

        int per = batch * (cfg.context() + 1);
        int[] tokens = new int[steps * per];
        float[] lrs = new float[steps];
        int[] one = new int[per];
        for (int s = 0; s < steps; s++) {
            data.trainBatch(s, batch, cfg.context(), one);
            System.arraycopy(one, 0, tokens, s * per, per);
            lrs[s] = (float) spec.schedule().rate(s, spec.steps(), spec.optimizer().peakLr());
        }
        AdamWConfig o = spec.optimizer();
        String config = String.format(java.util.Locale.ROOT, "{\"layers\":%d,\"width\":%d,\"heads\":%d,\"context\":%d,"
                        + "\"vocab\":%d,\"tied\":%s,\"sub_norm\":false,\"beta1\":%s,\"beta2\":%s,\"eps\":%s,"
                        + "\"weight_decay\":%s,\"clip_norm\":%s,\"wbits\":%d,\"abits\":%d,\"kvbits\":%d}", cfg.layers(), cfg.width(), cfg.heads(), cfg.context(),
                cfg.vocab(), cfg.tied() ? "true" : "false", o.beta1(), o.beta2(), o.eps(), o.weightDecay(), o.clipNorm(), bits, bits, bits);
        Map<String, Safetensors.Tensor> batches = new LinkedHashMap<>();
        batches.put("tokens", Safetensors.Tensor.ofInts(tokens, steps, batch, cfg.context() + 1));
        batches.put("lr", Safetensors.Tensor.of(lrs, steps));
        Safetensors.write(dir.resolve("batches.safetensors"), new Safetensors.Contents(batches, Map.of("config", config)));

        int rc = run(List.of(python, SCRIPT.toString(), "crosscheck", "--weights", dir.resolve("init.safetensors").toString(),
                "--batches", dir.resolve("batches.safetensors").toString(), "--out", dir.resolve("torch.json").toString()), dir);
        assertEquals(0, rc, "olmo_twin.py failed: " + Files.readString(dir.resolve("python.log")));
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("torch.json")));
        @SuppressWarnings("unchecked")
        List<Object> torch = (List<Object>) out.get("losses");
        assertEquals(cfg.totalParams(), ((Number) out.get("params")).longValue(), "parameter count of the twin");

        TrainingResult prec = Trainer.run(spec, data);
        assertEquals(steps, prec.curve().size());
        double first = ((Number) torch.get(0)).doubleValue();
        assertEquals(first, prec.curve().get(0).loss(), 1e-5 * first, "loss at step 0");
        for (int s = 1; s < steps; s++) {
            double expected = ((Number) torch.get(s)).doubleValue();
            assertEquals(expected, prec.curve().get(s).loss(), 1e-4 * expected, "loss after " + s + " AdamW steps");
        }
    }

    private static int run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
        } catch (IOException e) {
            Files.writeString(dir.resolve("python.log"), e.toString(), StandardCharsets.UTF_8);
            return -1;
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -2;
        }
        return p.exitValue();
    }
}
