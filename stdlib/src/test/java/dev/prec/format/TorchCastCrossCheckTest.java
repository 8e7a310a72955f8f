package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-check against PyTorch's own casts (an implementation prec shares no code with): for values
 * inside each format's range, unscaled fake quantization to fp8_e4m3, fp8_e5m2, fp16 and bf16 equals
 * {@code x.to(dtype).to(float32)} bit for bit. PyTorch does not saturate out-of-range values, so
 * inputs stay within the largest finite value. Skips with a reason when PyTorch cannot be imported
 * (Python from {@code PREC_PYTHON}, else {@code python3} on the PATH).
 */
class TorchCastCrossCheckTest {

    private static final String SCRIPT = String.join("\n",
            "import sys",
            "import numpy as np",
            "import torch",
            "x = torch.from_numpy(np.fromfile(sys.argv[1], dtype='<f4'))",
            "for name, dtype in [('fp8_e4m3', torch.float8_e4m3fn), ('fp8_e5m2', torch.float8_e5m2),",
            "                    ('fp16', torch.float16), ('bf16', torch.bfloat16)]:",
            "    x.to(dtype).to(torch.float32).numpy().astype('<f4').tofile(sys.argv[2] + '.' + name)");

    @TempDir
    Path dir;

    @Test
    void unscaledCastsEqualPyTorchsForEveryInRangeSample() throws IOException, InterruptedException {
        String[] names = {"fp8_e4m3", "fp8_e5m2", "fp16", "bf16"};
        int perFormat = 100_000;
        float[] inputs = new float[names.length * perFormat];
        for (int f = 0; f < names.length; f++) {
            float[] samples = FormatSamples.random((ElementFormat) Formats.byName(names[f]), perFormat * 2, 5 + f);
            float max = ((ElementFormat) Formats.byName(names[f])).maxFinite();
            int n = 0;
            SplittableRandom fill = new SplittableRandom(f);
            for (float s : samples) {
                if (n < perFormat && Float.isFinite(s) && Math.abs(s) <= max) {
                    inputs[f * perFormat + n++] = s;
                }
            }
            while (n < perFormat) {
                inputs[f * perFormat + n++] = (float) ((fill.nextDouble() * 2 - 1) * max);
            }
        }
        Path in = dir.resolve("in.f32");
        Path out = dir.resolve("out.f32");
        write(in, inputs);
        runPython(in, out);
        for (int f = 0; f < names.length; f++) {
            float[] torch = read(Path.of(out + "." + names[f]));
            QuantSpec spec = new QuantSpec(Formats.byName(names[f]), Granularity.NONE, Rounding.NEAREST_EVEN, false);
            float[] ours = new float[inputs.length];
            spec.quantizer().apply(inputs, 0, ours, 0, 1, inputs.length, TensorQuantizer.RoundingKey.NONE);
            for (int i = f * perFormat; i < (f + 1) * perFormat; i++) {
                if (Float.floatToRawIntBits(torch[i]) != Float.floatToRawIntBits(ours[i])) {
                    assertEquals(torch[i], ours[i], names[f] + ": input " + inputs[i] + " at index " + i);
                }
            }
        }
    }

    private void runPython(Path in, Path out) throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("PREC_PYTHON", "python3");
        Process p;
        try {
            p = new ProcessBuilder(python, "-c", SCRIPT, in.toString(), out.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no Python at '" + python + "': " + e.getMessage());
            return;
        }
        String log = new String(p.getInputStream().readAllBytes());
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        assumeTrue(done, "Python did not finish in 120 s");
        assumeTrue(!(log.contains("ModuleNotFoundError") || log.contains("ImportError")),
                "PyTorch/NumPy not importable by '" + python + "': " + log.strip());
        assertEquals(0, p.exitValue(), "the PyTorch cast script failed: " + log);
    }

    private static void write(Path path, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        Files.write(path, buffer.array());
    }

    private static float[] read(Path path) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(values);
        return values;
    }
}
