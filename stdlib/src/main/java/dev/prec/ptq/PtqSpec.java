package dev.prec.ptq;

import dev.prec.format.BlockFormat;
import dev.prec.format.Fp32Format;
import dev.prec.format.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a post-training quantization does: everything that determines its result besides the
 * trained model and the data.
 *
 * @param method round-to-nearest or GPTQ
 * @param format the format weights are quantized to: an element format (integer or minifloat) with
 *     absmax scales, or a block format (MX with E8M0 scales, NVFP4 with e4m3 scales under a tensor
 *     scale) whose blocks run along a row
 * @param groupSize input channels sharing a scale, {@code >= 1}; 0 for one scale per output channel;
 *     for a block format its block size (0 is taken to mean it)
 * @param gptq GPTQ's settings (ignored by round-to-nearest, and left out of its {@link #fields})
 * @param calibration the calibration sequences
 */
public record PtqSpec(Method method, NumberFormat format, int groupSize, GptqOptions gptq, Calibration calibration) {

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
     * @throws IllegalArgumentException if a part is null, {@code groupSize < 0}, {@code format} is
     *     fp32 (nothing to round to), or {@code format} is a block format and {@code groupSize} is
     *     neither 0 nor its block size, or GPTQ would reorder columns ({@code act_order}), which
     *     would break the blocks of consecutive elements the format defines
     */
    public PtqSpec {
        if (method == null || format == null || gptq == null || calibration == null) {
            throw new IllegalArgumentException("method, format, GPTQ options and calibration are required");
        }
        if (groupSize < 0) {
            throw new IllegalArgumentException("groupSize must be >= 0 (0: per channel), got " + groupSize);
        }
        if (format instanceof Fp32Format) {
            throw new IllegalArgumentException("post-training quantization to fp32 changes nothing; pick a narrower format");
        }
        if (format instanceof BlockFormat b) {
            if (groupSize != 0 && groupSize != b.blockSize()) {
                throw new IllegalArgumentException(b.name() + " scales blocks of " + b.blockSize()
                        + " elements; a group of " + groupSize + " does not apply to it");
            }
            groupSize = b.blockSize();
            if (method == Method.GPTQ && gptq.actOrder()) {
                throw new IllegalArgumentException("act_order reorders columns, but " + b.name()
                        + " blocks are consecutive elements of a row; quantize " + b.name() + " without act_order");
            }
        }
    }

    /**
     * A spec with GPTQ's defaults and the default calibration.
     *
     * @param method the method
     * @param format an element format (integer or minifloat) or a block format (MX, NVFP4)
     * @param groupSize {@code >= 1}, or 0 for per channel (a block format's own block size)
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static PtqSpec of(Method method, NumberFormat format, int groupSize) {
        return new PtqSpec(method, format, groupSize, GptqOptions.DEFAULT, Calibration.DEFAULT);
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
