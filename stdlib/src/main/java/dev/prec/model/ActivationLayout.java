package dev.prec.model;

/**
 * Offsets of every activation the forward pass saves, inside one flat float buffer (sized for a
 * batch of B sequences); the gradient buffer of the activations uses the same offsets, so a
 * quantizer's straight-through rule can read a forward input and its gradient at one offset.
 * A quantized copy ({@code ...Q}) shares the offset of its source when that point is not quantized.
 * N = B*T below.
 */
final class ActivationLayout {

    /** Residual stream entering block l (l = 0..L-1), and leaving the last block (l = L); each (N, C). */
    final int[] residual;
    /** Per-block offsets. */
    final BlockActivations[] blocks;
    /** Final norm output (N, C), its mean and rstd (N). */
    final int finalNorm;
    final int finalMean;
    final int finalRstd;
    /** Quantized input of the head (N, C). */
    final int finalNormQ;
    /** Logits, then probabilities (N, V). */
    final int logits;
    /** Per-position losses (N). */
    final int losses;
    /** Total floats. */
    final int size;

    ActivationLayout(TransformerConfig cfg, int batch, Quantization quant) {
        Arena arena = new Arena();
        int n = batch * cfg.context();
        int c = cfg.width();
        residual = new int[cfg.layers() + 1];
        blocks = new BlockActivations[cfg.layers()];
        residual[0] = arena.take(n * c);
        for (int l = 0; l < cfg.layers(); l++) {
            blocks[l] = new BlockActivations(arena, cfg, batch, quant);
            residual[l + 1] = arena.take(n * c);
        }
        finalNorm = arena.take(n * c);
        finalMean = arena.take(n);
        finalRstd = arena.take(n);
        finalNormQ = quant.quantizesActivations() ? arena.take(n * c) : finalNorm;
        logits = arena.take((long) n * cfg.vocab());
        losses = arena.take(n);
        size = arena.at;
    }

    /** Hands out consecutive regions. */
    static final class Arena {
        private int at;

        int take(long floats) {
            if (at + floats > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("activations exceed one float array; use a smaller batch");
            }
            int off = at;
            at += (int) floats;
            return off;
        }
    }

    /** Offsets of one block's activations. */
    static final class BlockActivations {
        /** attention pre-norm output (N, C), mean and rstd (N), quantized copy (N, C). */
        final int ln1;
        final int ln1Mean;
        final int ln1Rstd;
        final int ln1Q;
        /** q, k, v after projection and RoPE, each (N, C). */
        final QkvOffsets qkv;
        /** q, k, v as attention reads them (KV-quantized copies, or the same offsets). */
        final QkvOffsets qkvQ;
        /** softmax probabilities (B, H, T, T). */
        final int att;
        /** attention output before the output projection (N, C). */
        final int attOut;
        /** its extra (BitNet-style) norm output (N, C), mean, rstd; equal to attOut without subNorm. */
        final int attSub;
        final int attSubMean;
        final int attSubRstd;
        /** quantized input of the output projection (N, C). */
        final int attSubQ;
        /** residual after attention (N, C). */
        final int mid;
        /** MLP pre-norm output (N, C), mean, rstd, quantized copy. */
        final int ln2;
        final int ln2Mean;
        final int ln2Rstd;
        final int ln2Q;
        /** MLP up projection (N, 2F) for SwiGLU [gate | up], (N, F) for GELU. */
        final int up;
        /** MLP hidden after the nonlinearity (N, F). */
        final int hidden;
        /** its extra norm output (N, F), mean, rstd; equal to hidden without subNorm. */
        final int hiddenSub;
        final int hiddenSubMean;
        final int hiddenSubRstd;
        /** quantized input of the down projection (N, F). */
        final int hiddenSubQ;

        BlockActivations(Arena a, TransformerConfig cfg, int batch, Quantization quant) {
            int n = batch * cfg.context();
            int c = cfg.width();
            int f = cfg.mlpHidden();
            boolean qa = quant.quantizesActivations();
            boolean sub = cfg.options().subNorm();
            ln1 = a.take(n * c);
            ln1Mean = a.take(n);
            ln1Rstd = a.take(n);
            ln1Q = qa ? a.take(n * c) : ln1;
            qkv = new QkvOffsets(a.take(n * c), a.take(n * c), a.take(n * c));
            if (quant.quantizesKv()) {
                int q = quant.kvIncludesQueries() ? a.take(n * c) : qkv.q();
                qkvQ = new QkvOffsets(q, a.take(n * c), a.take(n * c));
            } else {
                qkvQ = qkv;
            }
            att = a.take((long) batch * cfg.heads() * cfg.context() * cfg.context());
            attOut = a.take(n * c);
            attSub = sub ? a.take(n * c) : attOut;
            attSubMean = sub ? a.take(n) : 0;
            attSubRstd = sub ? a.take(n) : 0;
            attSubQ = qa ? a.take(n * c) : attSub;
            mid = a.take(n * c);
            ln2 = a.take(n * c);
            ln2Mean = a.take(n);
            ln2Rstd = a.take(n);
            ln2Q = qa ? a.take(n * c) : ln2;
            up = a.take((long) n * (cfg.options().mlp() == ModelOptions.MlpKind.SWIGLU ? 2 * f : f));
            hidden = a.take((long) n * f);
            hiddenSub = sub ? a.take((long) n * f) : hidden;
            hiddenSubMean = sub ? a.take(n) : 0;
            hiddenSubRstd = sub ? a.take(n) : 0;
            hiddenSubQ = qa ? a.take((long) n * f) : hiddenSub;
        }
    }
}
