package dev.prec.model;

import dev.prec.tensor.WorkPool;
import dev.prec.format.TensorQuantizer;
import dev.prec.format.TensorQuantizer.RoundingKey;
import dev.prec.model.ActivationLayout.BlockActivations;
import dev.prec.tensor.Matmul;
import dev.prec.tensor.MatmulShape;
import java.util.Arrays;

/**
 * The OLMo-style transformer with its buffers: parameters, their gradients, the quantized weights,
 * the saved activations and their gradients, each one flat array allocated once for a batch of B
 * sequences. {@link #forward} computes the mean next-token loss of a batch; {@link #backward}
 * accumulates parameter gradients into {@link #gradients()}. Not thread-safe: one step at a time,
 * parallel inside over the given {@link WorkPool}.
 *
 * <p>Block l: {@code mid = x + out(sub(attention(rope(qkv(q_a(norm1(x)))))))},
 * {@code y = mid + down(q_a(sub(act(up(q_a(norm2(mid)))))))}, where q_a quantizes activations, weights
 * are read quantized, sub is the optional BitNet-style norm, and RoPE'd keys and values (optionally
 * queries) are KV-quantized before attention. Then {@code logits = head(q_a(norm(x_L)))}.
 */
public final class Transformer {

    private final TransformerConfig cfg;
    private final ParameterLayout layout;
    private final Quantization quant;
    private final Matmul mm;
    private final WorkPool workers;
    private final int batch;
    private final float[] params;
    private final float[] grads;
    /** Weights as the forward pass reads them: {@link #params} itself when weights are not quantized. */
    private final float[] weightsQ;
    private final float[] acts;
    private final float[] dacts;
    private final ActivationLayout al;
    private final int[] inputs;
    private final int[] targets;
    private final Rope rope;
    private final AttentionShape attShape;
    private final Rows rowsC;
    private final Rows rowsF;
    private long seed;
    private long step;

    /**
     * @param config the architecture
     * @param quant where to fake-quantize
     * @param batch sequences per forward pass B, {@code batch >= 1}
     * @param matmul the matrix products to use
     * @param workers the threads to use
     * @throws IllegalArgumentException if {@code batch < 1} or the buffers exceed one array
     */
    public Transformer(TransformerConfig config, Quantization quant, int batch, Matmul matmul, WorkPool workers) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.cfg = config;
        this.layout = ParameterLayout.of(config);
        this.quant = quant;
        this.mm = matmul;
        this.workers = workers;
        this.batch = batch;
        this.params = new float[layout.size()];
        this.grads = new float[layout.size()];
        this.weightsQ = quant.quantizesWeights() ? new float[layout.size()] : params;
        this.al = new ActivationLayout(config, batch, quant);
        this.acts = new float[al.size];
        this.dacts = new float[al.size];
        int n = batch * config.context();
        this.inputs = new int[n];
        this.targets = new int[n];
        this.rope = new Rope(config.context(), config.headDim(), config.options().ropeTheta());
        this.attShape = new AttentionShape(batch, config.context(), config.heads(), config.headDim());
        this.rowsC = new Rows(n, config.width());
        this.rowsF = new Rows(n, config.mlpHidden());
    }

    /** The architecture. */
    public TransformerConfig config() {
        return cfg;
    }

    /** The names and offsets of the parameter tensors. */
    public ParameterLayout layout() {
        return layout;
    }

    /** Sequences per batch B. */
    public int batch() {
        return batch;
    }

    /** The fp32 master weights, laid out by {@link #layout()}; live, callers may write them. */
    public float[] parameters() {
        return params;
    }

    /** The parameter gradients, same layout; live. */
    public float[] gradients() {
        return grads;
    }

    /** The per-position losses of the last forward pass, (B*T) in nats; a copy. */
    public float[] positionLosses() {
        return Arrays.copyOfRange(acts, al.losses, al.losses + rowsC.rows());
    }

    /**
     * Copies the input that a linear layer read in the last forward pass (after activation
     * quantization, if any): what post-training quantization calibrates on.
     *
     * @param weight the layer's weight: the qkv, attention output, MLP up or MLP down matrix of a
     *     block of {@link #layout()}, or the head
     * @param dst destination of at least {@code B*T * weight.cols()} floats, written (B*T, C_in) row-major
     * @throws IllegalArgumentException if {@code weight} is not the weight of a linear layer of this model
     */
    public void copyLinearInput(ParameterTensor weight, float[] dst) {
        int src = -1;
        if (weight.equals(layout.head())) {
            src = al.finalNormQ;
        }
        for (int l = 0; l < cfg.layers() && src < 0; l++) {
            ParameterLayout.Block p = layout.blocks().get(l);
            BlockActivations a = al.blocks[l];
            src = weight.equals(p.qkv()) ? a.ln1Q : weight.equals(p.attnOut()) ? a.attSubQ
                    : weight.equals(p.mlpUp()) ? a.ln2Q : weight.equals(p.mlpDown()) ? a.hiddenSubQ : -1;
        }
        if (src < 0) {
            throw new IllegalArgumentException(weight.name() + " is not a linear layer's weight of this model");
        }
        System.arraycopy(acts, src, dst, 0, rowsC.rows() * weight.cols());
    }

    /**
     * Sets the seed and step that key stochastic rounding of the next forward pass.
     *
     * @param runSeed the run's seed
     * @param optimiserStep the current optimiser step, {@code >= 0}
     */
    public void setRoundingKey(long runSeed, long optimiserStep) {
        this.seed = runSeed;
        this.step = optimiserStep;
    }

    /** Sets every parameter gradient to zero. */
    public void zeroGradients() {
        Arrays.fill(grads, 0f);
    }

    /**
     * Runs the forward pass on one batch and returns its mean loss.
     *
     * @param tokens (B, T+1) token ids in [0, V): sequence b is {@code tokens[b*(T+1) .. (b+1)*(T+1))},
     *     inputs its first T tokens, targets its last T
     * @return mean cross-entropy in nats per token; NaN or infinite when the model has diverged
     * @throws IllegalArgumentException if {@code tokens} is shorter than {@code B*(T+1)} or holds an id outside [0, V)
     */
    public double forward(int[] tokens) {
        forwardThrough(tokens, cfg.layers());
        normForward(al.finalNorm, al.finalMean, al.finalRstd, al.residual[cfg.layers()], layout.finalNorm(), rowsC);
        quantizeActivation(al.finalNorm, al.finalNormQ, rowsC, activationId(cfg.layers(), 0));
        Linear.forward(mm, acts, al.logits, acts, al.finalNormQ, weightsQ, layout.head().offset(),
                new MatmulShape(rowsC.rows(), cfg.vocab(), cfg.width()));
        return CrossEntropy.forward(acts, al.losses, acts, al.logits, targets, new Rows(rowsC.rows(), cfg.vocab()), workers);
    }

    /**
     * Runs the forward pass through the embedding and the first {@code blocks} blocks only, so that
     * {@link #copyLinearInput} can read the inputs of those blocks' linear layers without paying for
     * the rest of the model (post-training quantization calibrates one block at a time).
     *
     * @param tokens (B, T+1) token ids as for {@link #forward}
     * @param blocks how many blocks to run, {@code 0 <= blocks <= L}
     * @throws IllegalArgumentException as {@link #forward}, or if {@code blocks} is outside {@code [0, L]}
     */
    public void forwardThrough(int[] tokens, int blocks) {
        if (blocks < 0 || blocks > cfg.layers()) {
            throw new IllegalArgumentException("blocks must be in [0, " + cfg.layers() + "], got " + blocks);
        }
        int t = cfg.context();
        if (tokens.length < batch * (t + 1)) {
            throw new IllegalArgumentException("need " + batch * (t + 1) + " tokens, got " + tokens.length);
        }
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < t; i++) {
                inputs[b * t + i] = checkToken(tokens[b * (t + 1) + i]);
                targets[b * t + i] = checkToken(tokens[b * (t + 1) + i + 1]);
            }
        }
        quantizeWeights();
        Embedding.forward(acts, al.residual[0], inputs, params, layout.embedding().offset(), rowsC, workers);
        for (int l = 0; l < blocks; l++) {
            blockForward(l);
        }
    }

    /** Accumulates the gradient of the last forward pass's mean loss into {@link #gradients()}. */
    public void backward() {
        Rows rowsV = new Rows(rowsC.rows(), cfg.vocab());
        zero(al.logits, rowsV);
        CrossEntropy.backward(dacts, al.logits, acts, al.logits, targets, rowsV, workers);
        zero(al.finalNormQ, rowsC);
        Linear.backward(mm, dacts, al.finalNormQ, grads, layout.head().offset(), dacts, al.logits, acts, al.finalNormQ,
                weightsQ, layout.head().offset(), new MatmulShape(rowsC.rows(), cfg.vocab(), cfg.width()));
        weightStraightThrough(layout.head());
        activationStraightThrough(al.finalNorm, al.finalNormQ, rowsC);
        zero(al.residual[cfg.layers()], rowsC);
        normBackward(al.residual[cfg.layers()], layout.finalNorm(), al.finalNorm, al.residual[cfg.layers()],
                al.finalMean, al.finalRstd, rowsC);
        for (int l = cfg.layers() - 1; l >= 0; l--) {
            blockBackward(l);
        }
        Embedding.backward(grads, layout.embedding().offset(), dacts, al.residual[0], inputs, rowsC, workers);
    }

    private void blockForward(int l) {
        BlockActivations a = al.blocks[l];
        ParameterLayout.Block p = layout.blocks().get(l);
        int c = cfg.width();
        int n = rowsC.rows();
        normForward(a.ln1, a.ln1Mean, a.ln1Rstd, al.residual[l], p.attnNorm(), rowsC);
        quantizeActivation(a.ln1, a.ln1Q, rowsC, activationId(l, 0));
        MatmulShape proj = new MatmulShape(n, c, c);
        int w = p.qkv().offset();
        Linear.forward(mm, acts, a.qkv.q(), acts, a.ln1Q, weightsQ, w, proj);
        Linear.forward(mm, acts, a.qkv.k(), acts, a.ln1Q, weightsQ, w + c * c, proj);
        Linear.forward(mm, acts, a.qkv.v(), acts, a.ln1Q, weightsQ, w + 2 * c * c, proj);
        rope.rotate(acts, a.qkv.q(), c, attShape, 1, workers);
        rope.rotate(acts, a.qkv.k(), c, attShape, 1, workers);
        if (quant.quantizesKv()) {
            quantize(quant.kv(), a.qkv.k(), a.qkvQ.k(), rowsC, kvId(l, 1));
            quantize(quant.kv(), a.qkv.v(), a.qkvQ.v(), rowsC, kvId(l, 2));
            if (quant.kvIncludesQueries()) {
                quantize(quant.kv(), a.qkv.q(), a.qkvQ.q(), rowsC, kvId(l, 0));
            }
        }
        Attention.forward(mm, acts, a.attOut, acts, a.att, acts, a.qkvQ, attShape, workers);
        if (cfg.options().subNorm()) {
            normForward(a.attSub, a.attSubMean, a.attSubRstd, a.attOut, p.attnSubNorm(), rowsC);
        }
        quantizeActivation(a.attSub, a.attSubQ, rowsC, activationId(l, 1));
        Linear.forward(mm, acts, a.mid, acts, a.attSubQ, weightsQ, p.attnOut().offset(), proj);
        addInto(a.mid, al.residual[l], rowsC);
        normForward(a.ln2, a.ln2Mean, a.ln2Rstd, a.mid, p.mlpNorm(), rowsC);
        quantizeActivation(a.ln2, a.ln2Q, rowsC, activationId(l, 2));
        Linear.forward(mm, acts, a.up, acts, a.ln2Q, weightsQ, p.mlpUp().offset(),
                new MatmulShape(n, p.mlpUp().rows(), c));
        if (cfg.options().mlp() == ModelOptions.MlpKind.SWIGLU) {
            Activation.swigluForward(acts, a.hidden, acts, a.up, rowsF, workers);
        } else {
            Activation.geluForward(acts, a.hidden, acts, a.up, rowsF, workers);
        }
        if (cfg.options().subNorm()) {
            normForward(a.hiddenSub, a.hiddenSubMean, a.hiddenSubRstd, a.hidden, p.mlpSubNorm(), rowsF);
        }
        quantizeActivation(a.hiddenSub, a.hiddenSubQ, rowsF, activationId(l, 3));
        Linear.forward(mm, acts, al.residual[l + 1], acts, a.hiddenSubQ, weightsQ, p.mlpDown().offset(),
                new MatmulShape(n, c, rowsF.width()));
        addInto(al.residual[l + 1], a.mid, rowsC);
    }

    private void blockBackward(int l) {
        BlockActivations a = al.blocks[l];
        ParameterLayout.Block p = layout.blocks().get(l);
        int c = cfg.width();
        int n = rowsC.rows();
        int dy = al.residual[l + 1];
        // y = mid + down(hq): the residual path passes dy to mid unchanged.
        copy(a.mid, dy, rowsC);
        zero(a.hiddenSubQ, rowsF);
        Linear.backward(mm, dacts, a.hiddenSubQ, grads, p.mlpDown().offset(), dacts, dy, acts, a.hiddenSubQ,
                weightsQ, p.mlpDown().offset(), new MatmulShape(n, c, rowsF.width()));
        weightStraightThrough(p.mlpDown());
        activationStraightThrough(a.hiddenSub, a.hiddenSubQ, rowsF);
        if (cfg.options().subNorm()) {
            zero(a.hidden, rowsF);
            normBackward(a.hidden, p.mlpSubNorm(), a.hiddenSub, a.hidden, a.hiddenSubMean, a.hiddenSubRstd, rowsF);
        }
        zero(a.up, new Rows(n, p.mlpUp().rows()));
        if (cfg.options().mlp() == ModelOptions.MlpKind.SWIGLU) {
            Activation.swigluBackward(dacts, a.up, dacts, a.hidden, acts, a.up, rowsF, workers);
        } else {
            Activation.geluBackward(dacts, a.up, dacts, a.hidden, acts, a.up, rowsF, workers);
        }
        zero(a.ln2Q, rowsC);
        Linear.backward(mm, dacts, a.ln2Q, grads, p.mlpUp().offset(), dacts, a.up, acts, a.ln2Q, weightsQ,
                p.mlpUp().offset(), new MatmulShape(n, p.mlpUp().rows(), c));
        weightStraightThrough(p.mlpUp());
        activationStraightThrough(a.ln2, a.ln2Q, rowsC);
        normBackward(a.mid, p.mlpNorm(), a.ln2, a.mid, a.ln2Mean, a.ln2Rstd, rowsC);
        // mid = x + out(aq): the residual path passes dmid to x unchanged.
        copy(al.residual[l], a.mid, rowsC);
        MatmulShape proj = new MatmulShape(n, c, c);
        zero(a.attSubQ, rowsC);
        Linear.backward(mm, dacts, a.attSubQ, grads, p.attnOut().offset(), dacts, a.mid, acts, a.attSubQ, weightsQ,
                p.attnOut().offset(), proj);
        weightStraightThrough(p.attnOut());
        activationStraightThrough(a.attSub, a.attSubQ, rowsC);
        if (cfg.options().subNorm()) {
            zero(a.attOut, rowsC);
            normBackward(a.attOut, p.attnSubNorm(), a.attSub, a.attOut, a.attSubMean, a.attSubRstd, rowsC);
        }
        zero(a.qkvQ.q(), rowsC);
        zero(a.qkvQ.k(), rowsC);
        zero(a.qkvQ.v(), rowsC);
        Attention.backward(mm, dacts, a.qkvQ, dacts, a.attOut, acts, a.qkvQ, acts, a.att, attShape, workers);
        if (quant.quantizesKv()) {
            kvStraightThrough(a.qkv.k(), a.qkvQ.k());
            kvStraightThrough(a.qkv.v(), a.qkvQ.v());
            if (quant.kvIncludesQueries()) {
                kvStraightThrough(a.qkv.q(), a.qkvQ.q());
            }
        }
        // q = rope(q0) is an orthogonal rotation: dq0 = rotation^T dq.
        rope.rotate(dacts, a.qkv.q(), c, attShape, -1, workers);
        rope.rotate(dacts, a.qkv.k(), c, attShape, -1, workers);
        zero(a.ln1Q, rowsC);
        int w = p.qkv().offset();
        Linear.backward(mm, dacts, a.ln1Q, grads, w, dacts, a.qkv.q(), acts, a.ln1Q, weightsQ, w, proj);
        Linear.backward(mm, dacts, a.ln1Q, grads, w + c * c, dacts, a.qkv.k(), acts, a.ln1Q, weightsQ, w + c * c,
                proj);
        Linear.backward(mm, dacts, a.ln1Q, grads, w + 2 * c * c, dacts, a.qkv.v(), acts, a.ln1Q, weightsQ,
                w + 2 * c * c, proj);
        weightStraightThrough(p.qkv());
        activationStraightThrough(a.ln1, a.ln1Q, rowsC);
        normBackward(al.residual[l], p.attnNorm(), a.ln1, al.residual[l], a.ln1Mean, a.ln1Rstd, rowsC);
    }

    private void normForward(int out, int mean, int rstd, int inp, ParameterTensor gain, Rows r) {
        if (cfg.options().norm() == ModelOptions.NormKind.RMS) {
            RmsNorm.forward(acts, out, acts, rstd, acts, inp, params, gain.offset(), r, workers);
        } else {
            LayerNorm.forward(acts, out, acts, mean, acts, rstd, acts, inp, params, gain.offset(), r, workers);
        }
    }

    /** Accumulates into dacts at {@code dinp} and into the gain's gradient; dout read at {@code out}. */
    private void normBackward(int dinp, ParameterTensor gain, int out, int inp, int mean, int rstd, Rows r) {
        if (cfg.options().norm() == ModelOptions.NormKind.RMS) {
            RmsNorm.backward(dacts, dinp, grads, gain.offset(), dacts, out, acts, inp, params, gain.offset(),
                    acts, rstd, r, workers);
        } else {
            LayerNorm.backward(dacts, dinp, grads, gain.offset(), dacts, out, acts, inp, params, gain.offset(),
                    acts, mean, acts, rstd, r, workers);
        }
    }

    private void quantizeWeights() {
        if (!quant.quantizesWeights()) {
            return;
        }
        for (int i = 0; i < layout.tensors().size(); i++) {
            ParameterTensor t = layout.tensors().get(i);
            boolean linear = t.kind() == ParameterTensor.Kind.MATRIX || t.kind() == ParameterTensor.Kind.OUTPUT_MATRIX;
            if (linear || t == layout.head()) {
                quant.weights().apply(params, t.offset(), weightsQ, t.offset(), t.rows(), t.cols(),
                        new RoundingKey(seed, i, step));
            }
        }
    }

    private void weightStraightThrough(ParameterTensor t) {
        if (quant.quantizesWeights()) {
            quant.weights().straightThrough(params, grads, t.offset(), t.rows(), t.cols());
        }
    }

    private void quantizeActivation(int src, int dst, Rows r, int id) {
        if (quant.quantizesActivations()) {
            quantize(quant.activations(), src, dst, r, id);
        }
    }

    private void quantize(TensorQuantizer q, int src, int dst, Rows r, int id) {
        q.apply(acts, src, acts, dst, r.rows(), r.width(), new RoundingKey(seed, id, step));
    }

    /** Moves the gradient of a quantized copy to its source and applies the straight-through rule. */
    private void activationStraightThrough(int src, int dst, Rows r) {
        if (quant.quantizesActivations()) {
            passThrough(quant.activations(), src, dst, r);
        }
    }

    private void kvStraightThrough(int src, int dst) {
        passThrough(quant.kv(), src, dst, rowsC);
    }

    private void passThrough(TensorQuantizer q, int src, int dst, Rows r) {
        System.arraycopy(dacts, dst, dacts, src, r.rows() * r.width());
        q.straightThrough(acts, dacts, src, r.rows(), r.width());
    }

    private static int activationId(int layer, int point) {
        return 1_000_000 + layer * 8 + point;
    }

    private static int kvId(int layer, int part) {
        return 2_000_000 + layer * 4 + part;
    }

    private int checkToken(int token) {
        if (token < 0 || token >= cfg.vocab()) {
            throw new IllegalArgumentException("token id " + token + " outside [0, " + cfg.vocab() + ")");
        }
        return token;
    }

    private void zero(int off, Rows r) {
        workers.forEachRange(r.rows(), 64, (from, to) -> Arrays.fill(dacts, off + from * r.width(), off + to * r.width(), 0f));
    }

    private void copy(int dst, int src, Rows r) {
        System.arraycopy(dacts, src, dacts, dst, r.rows() * r.width());
    }

    private void addInto(int dst, int src, Rows r) {
        int w = r.width();
        workers.forEachRange(r.rows(), 64, (from, to) -> {
            for (int i = from * w; i < to * w; i++) {
                acts[dst + i] += acts[src + i];
            }
        });
    }
}
