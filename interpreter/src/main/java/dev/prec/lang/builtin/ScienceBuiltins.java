package dev.prec.lang.builtin;

import dev.prec.lang.engine.Capability;
import dev.prec.lang.engine.DataSources;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.GranularityValue;
import dev.prec.lang.value.ModelValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.SpecValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import dev.prec.model.TransformerConfig;
import java.util.List;
import java.util.Optional;

/** Constructors of the domain's values: data sources, models, formats, schedules, PTQ methods, laws. */
final class ScienceBuiltins {
    private ScienceBuiltins() {
    }

    private static final Type NUM = Type.NUMBER;
    private static final Type STR = Type.STRING;

    static List<Builtin> all() {
        return List.of(
                pure(sig("synthetic", Type.Kind.DATA, "a seeded Zipf-weighted Markov language with a known entropy rate",
                        Param.required("vocab", NUM, "distinct tokens, 2 to 65536"),
                        Param.optional("order", NUM, NumberValue.of(1), "tokens of history per state, 1 to 8"),
                        Param.optional("zipf", NUM, NumberValue.of(1.0), "mean Zipf exponent, 0 to 16"),
                        Param.optional("branching", NUM, NumberValue.of(0), "successors per state; 0 means vocab"),
                        Param.optional("seed", NUM, NumberValue.of(0), "seed of the chain and its sequences")),
                        ScienceBuiltins::synthetic),
                pure(sig("text", Type.Kind.DATA, "a text corpus (a file or a folder), tokenized",
                        Param.required("path", STR, "the file or folder, relative to the script"),
                        Param.optional("bpe", NUM, NumberValue.of(0), "BPE vocabulary trained on the corpus; 0 for byte tokens"),
                        Param.optional("seed", NUM, NumberValue.of(0), "seed of the training windows")),
                        ScienceBuiltins::text),
                pure(new Signature("csv", List.of(Param.required("path", STR, "the file, relative to the script")),
                        Type.of(Type.Kind.RUNS), "runs from a CSV file with a header row; columns map to law variables"),
                        (a, c) -> CsvTable.read(c.resolve(Args.string(a, "path")))),
                pure(sig("transformer", Type.Kind.MODEL, "an OLMo-style decoder-only transformer",
                        Param.required("layers", NUM, "transformer blocks, >= 1"),
                        Param.required("width", NUM, "model width, divisible by heads"),
                        Param.required("heads", NUM, "attention heads; width/heads must be even"),
                        Param.required("context", NUM, "tokens per sequence, >= 1"),
                        Param.optional("vocab", NUM, NumberValue.of(0), "vocabulary; 0 takes the data's"),
                        Param.optional("mlp_ratio", NUM, NumberValue.of(TransformerConfig.SWIGLU_RATIO), "MLP width / model width"),
                        Param.optional("tied", Type.BOOL, BoolValue.TRUE, "LM head shares the embedding")),
                        ScienceBuiltins::transformer),
                pure(sig("int", Type.Kind.FORMAT, "a symmetric integer format (absmax scale)",
                        Param.required("bits", NUM, "total bits, 2 to 16")),
                        (a, c) -> FormatValue.integer(Args.whole(a, "bits", 2, 16))),
                pure(sig("fp", Type.Kind.FORMAT, "an IEEE-style minifloat with a sign bit, e.g. fp(e4, m3)",
                        Param.required("e", NUM, "exponent bits, 1 to 8"),
                        Param.required("m", NUM, "mantissa bits, 0 to 10")),
                        (a, c) -> FormatValue.floating(Args.whole(a, "e", 1, 8), Args.whole(a, "m", 0, 10))),
                pure(sig("per_group", Type.Kind.GRANULARITY, "one scale per group of consecutive elements",
                        Param.required("size", NUM, "elements per group, >= 1")),
                        (a, c) -> new GranularityValue(GranularityValue.Kind.PER_GROUP, Args.whole(a, "size", 1, 1 << 20))),
                schedule("cosine", "cosine decay to zero after a linear warmup"),
                schedule("linear", "linear decay to zero after a linear warmup"),
                schedule("constant", "a constant learning rate after a linear warmup"),
                pure(sig("gptq", Type.Kind.METHOD, "GPTQ post-training quantization of weights",
                        Param.optional("group", NUM, NumberValue.of(0), "group size; 0 means per channel"),
                        Param.optional("damp", NUM, NumberValue.of(0.01), "Hessian dampening, fraction of the mean diagonal"),
                        Param.optional("calibration", NUM, NumberValue.of(128), "calibration sequences"),
                        Param.optional("block", NUM, NumberValue.of(128), "columns between lazy updates"),
                        Param.optional("act_order", Type.BOOL, BoolValue.FALSE, "quantize columns by decreasing Hessian diagonal")),
                        (a, c) -> new SpecValue(Type.Kind.METHOD, "gptq", a)),
                pure(sig("rtn", Type.Kind.METHOD, "round-to-nearest post-training quantization of weights",
                        Param.optional("group", NUM, NumberValue.of(0), "group size; 0 means per channel")),
                        (a, c) -> new SpecValue(Type.Kind.METHOD, "rtn", a)),
                new Builtin(sig("chinchilla", Type.Kind.LAW, "L = A N^-alpha + B D^-beta + E (Hoffmann et al. 2022)",
                        Param.optional("tie", Type.BOOL, BoolValue.FALSE, "fit alpha = beta, as Kumar et al. do")),
                        Optional.of(Capability.LAWS), (a, c) -> law(c, "chinchilla", a)));
    }

    private static Signature sig(String name, Type.Kind result, String doc, Param... params) {
        return new Signature(name, List.of(params), Type.of(result), doc);
    }

    private static Builtin pure(Signature s, Builtin.Impl impl) {
        return new Builtin(s, Optional.empty(), impl);
    }

    private static Builtin schedule(String name, String doc) {
        return pure(sig(name, Type.Kind.SCHEDULE, doc,
                        Param.optional("warmup", NUM, NumberValue.of(0.1), "warmup as a fraction of the steps, 0 to 1")),
                (a, c) -> {
                    double w = Args.real(a, "warmup");
                    if (!(w >= 0 && w <= 1)) {
                        throw new IllegalArgumentException("warmup must be a fraction from 0 to 1 (e.g. 10%), got " + w);
                    }
                    return new SpecValue(Type.Kind.SCHEDULE, name, a);
                });
    }

    /** Validated now by the data library's own rules (ranges, state-space limits), so a bad source fails at its declaration. */
    private static Value synthetic(RecordValue a, CallContext c) {
        int vocab = Args.whole(a, "vocab", 2, 65536);
        Args.whole(a, "order", 1, 8);
        int branching = Args.whole(a, "branching", 0, vocab);
        Args.whole(a, "seed", Integer.MIN_VALUE, Integer.MAX_VALUE);
        DataValue data = new DataValue("synthetic", a.with("branching", NumberValue.of(branching == 0 ? vocab : branching)));
        DataSources.markov(data);
        return data;
    }

    private static Value text(RecordValue a, CallContext c) {
        Args.whole(a, "seed", Integer.MIN_VALUE, Integer.MAX_VALUE);
        DataValue data = new DataValue("text", a.with("path", new StringValue(c.resolve(Args.string(a, "path")).toString())));
        DataSources.text(data);
        return data;
    }

    private static Value transformer(RecordValue a, CallContext c) {
        int vocab = Args.whole(a, "vocab", 0, 1 << 24);
        // Validates the sizes now, with the trainer's own rules, so a bad model fails at its declaration.
        new TransformerConfig(Args.whole(a, "layers", 1, 4096), Args.whole(a, "width", 2, 1 << 16),
                Args.whole(a, "heads", 1, 4096), Args.real(a, "mlp_ratio"), Args.whole(a, "context", 1, 1 << 20),
                Math.max(2, vocab), Args.bool(a, "tied"), dev.prec.model.ModelOptions.OLMO);
        return new ModelValue("transformer", "transformer", a);
    }

    private static Value law(CallContext c, String name, RecordValue options) {
        return c.engines().laws().flatMap(l -> l.law(name, options)).map(Value.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("the law catalog has no law '" + name + "'"));
    }
}
