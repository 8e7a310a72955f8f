package dev.prec.model;

import dev.prec.model.ParameterTensor.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The named tensors of a {@link TransformerConfig} inside one flat float buffer, in this order:
 * embedding; per block {@code attn_norm}, {@code attn.qkv} (3C, C) rows [q; k; v],
 * {@code attn.sub_norm} (with subNorm), {@code attn.out} (C, C), {@code mlp_norm}, {@code mlp.up}
 * ((2F, C) rows [gate; up] for SwiGLU, (F, C) for GELU), {@code mlp.sub_norm} (with subNorm),
 * {@code mlp.down} (C, F); {@code final_norm}; {@code head} (V, C) when untied.
 *
 * @param config the model
 * @param tensors every tensor in buffer order
 * @param blocks the tensors of each block
 * @param embedding token embedding (V, C)
 * @param finalNorm final norm gain (C)
 * @param head LM head weight (V, C): the embedding itself when tied
 * @param size total floats, equal to {@code config.totalParams()}
 */
public record ParameterLayout(TransformerConfig config, List<ParameterTensor> tensors, List<Block> blocks,
                              ParameterTensor embedding, ParameterTensor finalNorm, ParameterTensor head, int size) {

    /** Compact constructor: copies the lists. */
    public ParameterLayout {
        tensors = List.copyOf(tensors);
        blocks = List.copyOf(blocks);
    }

    /**
     * The tensors of one block; the sub norms are null without {@link ModelOptions#subNorm()}.
     *
     * @param attnNorm (C) @param qkv (3C, C) @param attnSubNorm (C) or null @param attnOut (C, C)
     * @param mlpNorm (C) @param mlpUp (2F, C) or (F, C) @param mlpSubNorm (F) or null @param mlpDown (C, F)
     */
    public record Block(ParameterTensor attnNorm, ParameterTensor qkv, ParameterTensor attnSubNorm,
                        ParameterTensor attnOut, ParameterTensor mlpNorm, ParameterTensor mlpUp,
                        ParameterTensor mlpSubNorm, ParameterTensor mlpDown) {
    }

    /**
     * Lays out the parameters of {@code config}.
     *
     * @throws IllegalArgumentException if the model has more than {@code Integer.MAX_VALUE - 8} parameters
     */
    public static ParameterLayout of(TransformerConfig config) {
        if (config.totalParams() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model too large for one float array: " + config.totalParams());
        }
        int c = config.width();
        int f = config.mlpHidden();
        int up = config.options().mlp() == ModelOptions.MlpKind.SWIGLU ? 2 * f : f;
        Cursor take = new Cursor();
        ParameterTensor emb = take.next("embed.weight", new Rows(config.vocab(), c), Kind.EMBEDDING);
        List<Block> blocks = new ArrayList<>();
        boolean sub = config.options().subNorm();
        for (int l = 0; l < config.layers(); l++) {
            String p = "blocks." + l + ".";
            ParameterTensor an = take.next(p + "attn_norm.weight", new Rows(1, c), Kind.GAIN);
            ParameterTensor qkv = take.next(p + "attn.qkv.weight", new Rows(3 * c, c), Kind.MATRIX);
            ParameterTensor asn = sub ? take.next(p + "attn.sub_norm.weight", new Rows(1, c), Kind.GAIN) : null;
            ParameterTensor ao = take.next(p + "attn.out.weight", new Rows(c, c), Kind.OUTPUT_MATRIX);
            ParameterTensor mn = take.next(p + "mlp_norm.weight", new Rows(1, c), Kind.GAIN);
            ParameterTensor mu = take.next(p + "mlp.up.weight", new Rows(up, c), Kind.MATRIX);
            ParameterTensor msn = sub ? take.next(p + "mlp.sub_norm.weight", new Rows(1, f), Kind.GAIN) : null;
            ParameterTensor md = take.next(p + "mlp.down.weight", new Rows(c, f), Kind.OUTPUT_MATRIX);
            blocks.add(new Block(an, qkv, asn, ao, mn, mu, msn, md));
        }
        ParameterTensor fn = take.next("final_norm.weight", new Rows(1, c), Kind.GAIN);
        ParameterTensor head = config.tied() ? emb
                : take.next("head.weight", new Rows(config.vocab(), c), Kind.MATRIX);
        return new ParameterLayout(config, take.all, blocks, emb, fn, head, take.at);
    }

    /** Appends tensors one after another. */
    private static final class Cursor {
        private final List<ParameterTensor> all = new ArrayList<>();
        private int at;

        ParameterTensor next(String name, Rows shape, Kind kind) {
            ParameterTensor t = new ParameterTensor(name, at, shape.rows(), shape.width(), kind);
            all.add(t);
            at += t.size();
            return t;
        }
    }

    /** The tensor of the given name. @throws IllegalArgumentException if there is none */
    public ParameterTensor tensor(String name) {
        for (ParameterTensor t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no parameter tensor named " + name);
    }

    /**
     * Fills {@code params} with the initial values: gains 1; embedding and matrices normal with mean 0
     * and standard deviation {@code initStd}, output projections {@code initStd / sqrt(2 L)} (GPT-2).
     * Values are drawn from {@code java.util.Random(seed)}, whose algorithm the JDK specifies, in
     * buffer order, so the same seed gives the same weights on every JVM.
     *
     * @param params destination of length at least {@link #size()}
     * @param seed the run's seed
     */
    public void initialise(float[] params, long seed) {
        Random random = new Random(seed);
        double std = config.options().initStd();
        double outStd = std / Math.sqrt(2.0 * config.layers());
        for (ParameterTensor t : tensors) {
            for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                params[i] = switch (t.kind()) {
                    case GAIN -> 1f;
                    case OUTPUT_MATRIX -> (float) (outStd * random.nextGaussian());
                    case EMBEDDING, MATRIX -> (float) (std * random.nextGaussian());
                };
            }
        }
    }
}
