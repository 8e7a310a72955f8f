package dev.prec.ptq;

import dev.prec.model.ParameterLayout;
import dev.prec.model.ParameterTensor;
import dev.prec.store.CanonicalJson;
import dev.prec.train.Safetensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a quantized model as safetensors: every parameter under its own name with the values the
 * quantized model computes with (dequantized weights), and for each quantized layer
 * {@code <name>.codes} (I32, (OC, C)), {@code <name>.scales} (F32, (OC, groups)) and
 * {@code <name>.g_idx} (I32, (C)), as {@link QuantizedLayer} defines them. The metadata's
 * {@code spec} holds {@code {"model": ..., "ptq": ...}} (so {@link TrainedModel#read(Path)} reads the
 * file back), with {@code loss_before} and {@code loss_after} beside it.
 */
public final class QuantizedCheckpoint {

    private QuantizedCheckpoint() {
    }

    /**
     * @param file destination, replaced atomically
     * @param report the quantization to write
     * @throws IOException if writing fails
     */
    public static void write(Path file, PtqReport report) throws IOException {
        ParameterLayout layout = ParameterLayout.of(report.model().config());
        float[] p = report.model().params();
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        for (ParameterTensor t : layout.tensors()) {
            float[] v = Arrays.copyOfRange(p, t.offset(), t.offset() + t.size());
            tensors.put(t.name(), t.rows() == 1 ? Safetensors.Tensor.of(v, t.cols())
                    : Safetensors.Tensor.of(v, t.rows(), t.cols()));
        }
        for (QuantizedLayer q : report.quantized()) {
            tensors.put(q.name() + ".codes", Safetensors.Tensor.ofInts(q.codes(), q.rows(), q.cols()));
            tensors.put(q.name() + ".scales", Safetensors.Tensor.of(q.scales(), q.rows(), q.groups()));
            tensors.put(q.name() + ".g_idx", Safetensors.Tensor.ofInts(q.groupIndex(), q.cols()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "prec-ptq-1");
        meta.put("spec", CanonicalJson.write(Map.of("model", TrainedModel.describe(report.model().config()),
                "ptq", report.spec().fields())));
        meta.put("loss_before", Double.toString(report.lossBefore()));
        meta.put("loss_after", Double.toString(report.lossAfter()));
        Safetensors.write(file, new Safetensors.Contents(tensors, meta));
    }
}
