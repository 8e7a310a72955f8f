package dev.prec.ptq;

import dev.prec.format.ElementFormat;
import dev.prec.format.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a post-training quantization does: everything that determines its result besides the
 * trained model and the data.
 *
 * @param method round-to-nearest or GPTQ
 * @param format the element format weights are quantized to (integer or minifloat, absmax scales)
 * @param groupSize input channels sharing a scale, {@code >= 1}; 0 for one scale per output channel
 * @param gptq GPTQ's settings (ignored by round-to-nearest, and left out of its {@link #fields})
 * @param calibration the calibration sequences
 */
public record PtqSpec(Method method, ElementFormat format, int groupSize, GptqOptions gptq, Calibration calibration) {

    /** Version of the PTQ code that produced a result, part of its identity. */
    public static final int VERSION = 1;

    /** The quantization methods. */
    public enum Method {
        /** Round every weight to the nearest grid value of its group's absmax scale. */
        RTN,
        /** GPTQ (Frantar et al. 2022): error feedback through the inverse Hessian of the layer's inputs. */
        GPTQ
    }

    /**
     * Calibration data: {@code sequences} training sequences of the model's context length, drawn
     * from the first {@link #POOL} sequences of the dataset's training stream by a
     * {@link java.util.SplittableRandom} seeded with {@code seed} (sequences may repeat).
     *
     * @param sequences number of sequences, {@code >= 1}; GPTQ's reference uses 128
     * @param seed seeds the draw
     */
    public record Calibration(int sequences, long seed) {

        /** Training sequences the draw chooses from. */
        public static final long POOL = 1L << 20;

        /** 128 sequences, seed 0. */
        public static final Calibration DEFAULT = new Calibration(128, 0);

        /** @throws IllegalArgumentException if {@code sequences < 1} */
        public Calibration {
            if (sequences < 1) {
                throw new IllegalArgumentException("calibration needs at least 1 sequence, got " + sequences);
            }
        }
    }

    /**
     * @throws IllegalArgumentException if a part is null, {@code groupSize < 0}, or {@code format} is
     *     not an element format (block formats and fp32 have no single absmax grid to round to)
     */
    public PtqSpec {
        if (method == null || format == null || gptq == null || calibration == null) {
            throw new IllegalArgumentException("method, format, GPTQ options and calibration are required");
        }
        if (groupSize < 0) {
            throw new IllegalArgumentException("groupSize must be >= 0 (0: per channel), got " + groupSize);
        }
    }

    /**
     * A spec with GPTQ's defaults and the default calibration.
     *
     * @param method the method
     * @param format an element format (integer or minifloat)
     * @param groupSize {@code >= 1}, or 0 for per channel
     * @throws IllegalArgumentException if {@code format} is not an element format
     */
    public static PtqSpec of(Method method, NumberFormat format, int groupSize) {
        if (!(format instanceof ElementFormat e)) {
            throw new IllegalArgumentException("post-training quantization rounds onto an element grid (int or "
                    + "minifloat); " + format.name() + " is not one");
        }
        return new PtqSpec(method, e, groupSize, GptqOptions.DEFAULT, Calibration.DEFAULT);
    }

    /** This spec with other GPTQ options. */
    public PtqSpec withGptq(GptqOptions options) {
        return new PtqSpec(method, format, groupSize, options, calibration);
    }

    /** This spec with another calibration. */
    public PtqSpec withCalibration(Calibration c) {
        return new PtqSpec(method, format, groupSize, gptq, c);
    }

    /**
     * The identity of a result of this spec under its parent run in the run store: {@link #fields()}
     * plus {@code eval_batches} and {@code eval_batch}, since the losses depend on them.
     *
     * @param eval how the losses are measured
     * @return the spec whose key, with the parent run's, names the stored result
     */
    public dev.prec.store.RunSpec storeSpec(Evaluation eval) {
        Map<String, Object> f = fields();
        f.put("eval_batches", eval.batches());
        f.put("eval_batch", eval.batchSize());
        return dev.prec.store.RunSpec.of(f);
    }

    /**
     * The spec as the run store's fields: {@code method}, {@code format}, {@code bits}, {@code group},
     * {@code calibration}, {@code calibration_seed}, {@code ptq_version}, and for GPTQ {@code damp},
     * {@code block}, {@code act_order}.
     */
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("method", method.name().toLowerCase(java.util.Locale.ROOT));
        f.put("format", format.name());
        f.put("bits", format.bits());
        f.put("group", groupSize);
        f.put("calibration", calibration.sequences());
        f.put("calibration_seed", calibration.seed());
        f.put("ptq_version", VERSION);
        if (method == Method.GPTQ) {
            f.put("damp", gptq.damp());
            f.put("block", gptq.blockSize());
            f.put("act_order", gptq.actOrder());
        }
        return f;
    }
}
