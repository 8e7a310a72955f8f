package dev.prec.bench.ptq;

import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.format.Formats;
import dev.prec.model.ParameterLayout;
import dev.prec.model.TransformerConfig;
import dev.prec.ptq.Evaluation;
import dev.prec.ptq.PostTrainingQuantizer;
import dev.prec.ptq.PtqReport;
import dev.prec.ptq.PtqSpec;
import dev.prec.ptq.TrainedModel;
import java.util.Locale;

/**
 * Wall seconds to quantize configuration c (6 layers, width 256, 8 heads, context 128, vocabulary
 * 256; 4.8M parameters) with GPTQ and with round-to-nearest, int4 per channel, 128 calibration
 * sequences, including the validation loss before and after (4 batches of 16 sequences). The
 * weights are the trainer's initialisation (seed 1): the work of PTQ does not depend on their
 * values. Usage: {@code PtqThroughput <threads> <repeats>}; prints one JSON line per run.
 */
public final class PtqThroughput {

    private PtqThroughput() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        TransformerConfig c = TransformerConfig.olmo(6, 256, 8, 128, 256);
        float[] params = new float[ParameterLayout.of(c).size()];
        ParameterLayout.of(c).initialise(params, 1);
        TrainedModel model = new TrainedModel(c, params);
        var data = Datasets.markov(new MarkovSpec(256, 1, 1.0, 256, 1));
        for (int r = 0; r < repeats; r++) {
            for (PtqSpec.Method m : PtqSpec.Method.values()) {
                PtqSpec spec = PtqSpec.of(m, Formats.integer(4), 0);
                long t0 = System.nanoTime();
                PtqReport rep = PostTrainingQuantizer.quantize(model, data, spec, new Evaluation(4, 16), threads,
                        (e, done, total) -> { });
                double s = (System.nanoTime() - t0) * 1e-9;
                System.out.printf(Locale.ROOT, "{\"method\":\"%s\",\"threads\":%d,\"params\":%d,\"seconds\":%.2f,"
                        + "\"layers\":%d,\"delta\":%.5f}%n", m, threads, c.totalParams(), s, rep.layers().size(), rep.delta());
            }
        }
    }
}
