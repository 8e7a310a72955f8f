package dev.prec.ptq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prec.format.Formats;
import dev.prec.model.ParameterLayout;
import dev.prec.model.ParameterTensor;
import dev.prec.model.TransformerConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quantized checkpoint read by Python's safetensors (a reader prec shares no code with): every
 * tensor loads with the dtype and shape prec documents and the same bits, and Python's own check
 * that an integer layer's dequantized values are {@code scales[r, g_idx[c]] * codes[r, c]} holds.
 * Skips with a reason when safetensors or NumPy cannot be imported (Python from
 * {@code PREC_PYTHON}, else {@code python3} on the PATH).
 */
class QuantizedCheckpointPythonTest {

    /** Dumps every tensor as raw little-endian bytes and prints name, dtype and shape per line. */
    private static final String SCRIPT = String.join("\n",
            "import sys, json",
            "import numpy as np",
            "from safetensors import safe_open",
            "from safetensors.numpy import load_file",
            "path, out = sys.argv[1], sys.argv[2]",
            "with safe_open(path, framework='np') as f:",
            "    meta = f.metadata()",
            "tensors = load_file(path)",
            "for name, t in sorted(tensors.items()):",
            "    t.astype(t.dtype.newbyteorder('<')).tofile(out + '/' + name + '.bin')",
            "    print('tensor', name, t.dtype.name, 'x'.join(map(str, t.shape)))",
            "    if name.endswith('.codes') and sys.argv[3] == 'int':",
            "        base = name[:-len('.codes')]",
            "        s, g = tensors[base + '.scales'], tensors[base + '.g_idx']",
            "        rebuilt = (s[:, g] * t).astype(np.float32)",
            "        assert np.array_equal(rebuilt, tensors[base]), base",
            "print('meta', json.dumps({k: meta[k] for k in ('format', 'loss_before', 'loss_after')}, sort_keys=True))");

    @TempDir
    Path dir;

    private static TrainedModel randomModel() {
        TransformerConfig cfg = TransformerConfig.olmo(1, 32, 2, 16, 32);
        float[] p = new float[Math.toIntExact(cfg.totalParams())];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (0.05 * (r.nextDouble() * 2 - 1));
        }
        return new TrainedModel(cfg, p);
    }

    @Test
    void pythonSafetensorsLoadsEveryTensorOfIntegerAndBlockFormatCheckpointsBitForBit() throws Exception {
        TrainedModel model = randomModel();
        for (PtqSpec spec : List.of(PtqSpec.of(PtqSpec.Method.RTN, Formats.integer(4), 8),
                PtqSpec.of(PtqSpec.Method.GPTQ, Formats.byName("mxfp4"), 0))) {
            PtqReport report = PostTrainingQuantizer.quantize(model, TrainedModelPtqTest.MARKOV,
                    spec.withCalibration(new PtqSpec.Calibration(4, 0)), new Evaluation(1, 4), 1, PtqProgress.NONE);
            String name = spec.format().name();
            Path file = dir.resolve(name + ".safetensors");
            QuantizedCheckpoint.write(file, report);
            Path out = Files.createDirectories(dir.resolve(name));
            List<String> lines = runPython(file, out, spec.format().name().startsWith("int"));
            checkTensors(report, out, lines);
            assertEquals("meta {\"format\": \"prec-ptq-1\", \"loss_after\": \"" + report.lossAfter()
                    + "\", \"loss_before\": \"" + report.lossBefore() + "\"}", lines.getLast());
        }
    }

    private static void checkTensors(PtqReport report, Path out, List<String> lines) throws IOException {
        ParameterLayout layout = ParameterLayout.of(report.model().config());
        float[] p = report.model().params();
        for (ParameterTensor t : layout.tensors()) {
            String shape = t.rows() == 1 ? String.valueOf(t.cols()) : t.rows() + "x" + t.cols();
            assertEquals(1, lines.stream().filter(("tensor " + t.name() + " float32 " + shape)::equals).count(),
                    t.name() + " in " + lines);
            assertArrayEquals(Arrays.copyOfRange(p, t.offset(), t.offset() + t.size()), floats(out, t.name()), t.name());
        }
        for (QuantizedLayer q : report.quantized()) {
            assertEquals(1, lines.stream().filter(("tensor " + q.name() + ".codes int32 " + q.rows() + "x" + q.cols())
                    ::equals).count(), q.name() + ".codes");
            assertEquals(1, lines.stream().filter(("tensor " + q.name() + ".scales float32 " + q.rows() + "x"
                    + q.groups())::equals).count(), q.name() + ".scales");
            assertArrayEquals(q.codes(), ints(out, q.name() + ".codes"), q.name());
            assertArrayEquals(q.scales(), floats(out, q.name() + ".scales"), q.name());
            assertArrayEquals(q.groupIndex(), ints(out, q.name() + ".g_idx"), q.name());
        }
    }

    private List<String> runPython(Path file, Path out, boolean integer) throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("PREC_PYTHON", "python3");
        Process proc;
        try {
            proc = new ProcessBuilder(python, "-c", SCRIPT, file.toString(), out.toString(), integer ? "int" : "block")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no Python at '" + python + "': " + e.getMessage());
            return List.of();
        }
        String log = new String(proc.getInputStream().readAllBytes());
        assumeTrue(proc.waitFor(120, TimeUnit.SECONDS), "Python did not finish in 120 s");
        assumeTrue(!(log.contains("ModuleNotFoundError") || log.contains("ImportError")),
                "safetensors/NumPy not importable by '" + python + "': " + log.strip());
        assertEquals(0, proc.exitValue(), "the safetensors script failed: " + log);
        return log.lines().toList();
    }

    private static float[] floats(Path out, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out.resolve(name + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    private static int[] ints(Path out, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out.resolve(name + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[b.remaining() / 4];
        b.asIntBuffer().get(v);
        return v;
    }
}
