package dev.prec.model;

import dev.prec.tensor.Matmul;
import dev.prec.tensor.MatmulShape;
import dev.prec.tensor.WorkPool;

/**
 * Causal multi-head scaled dot-product attention over queries, keys and values that are each a
 * (B, T, C) matrix; head h uses channels h*D..h*D+D-1. Work is split over the B*H (sequence, head)
 * pairs, whose outputs are disjoint. Each pair copies its (T, D) slices of q, k, v into a per-thread
 * workspace and runs the products as matrix products on the {@link Matmul} (full T x T scores, the
 * upper triangle then masked: twice the causal flops, but at matmul speed rather than dot-product speed).
 */
final class Attention {

    /** Per-thread workspace; every chunk overwrites what it reads, so results do not depend on which thread ran it. */
    private static final ThreadLocal<float[]> WORKSPACE = ThreadLocal.withInitial(() -> new float[0]);

    private Attention() {
    }

    /**
     * {@code att = softmax(q kᵀ / sqrt(D))} over keys {@code j <= t}, {@code out = att · v}.
     *
     * @param out (B, T, C) overwritten
     * @param att (B, H, T, T) probabilities saved for backward; entries {@code j > t} are zero
     * @param qkv array holding q, k and v, each (B, T, C), at the offsets {@code in}
     */
    static void forward(Matmul mm, float[] out, int outOff, float[] att, int attOff, float[] qkv, QkvOffsets in,
                        AttentionShape a, WorkPool workers) {
        int t = a.context();
        int d = a.headDim();
        float scale = (float) (1.0 / Math.sqrt(d));
        // one shape object per call, not per head: the step's garbage is counted (StepAllocationTest)
        MatmulShape scoreShape = new MatmulShape(t, t, d);
        MatmulShape mixShape = new MatmulShape(t, d, t);
        workers.forEachRange(a.batch() * a.heads(), 1, (from, to) -> {
            float[] w = workspace(a, 4);
            int q = 0;
            int k = t * d;
            int v = 2 * t * d;
            int y = 3 * t * d;
            for (int bh = from; bh < to; bh++) {
                int b = bh / a.heads();
                int h = bh % a.heads();
                gather(w, q, qkv, in.q(), b, h, a);
                gather(w, k, qkv, in.k(), b, h, a);
                gather(w, v, qkv, in.v(), b, h, a);
                int s = attOff + bh * t * t;
                mm.abT(att, s, w, q, w, k, scoreShape, false);
                for (int i = 0; i < t; i++) {
                    int row = s + i * t;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        att[row + j] *= scale;
                        max = Math.max(max, att[row + j]);
                    }
                    float sum = Exponentials.expShift(att, row, i + 1, max);
                    float inv = 1f / sum;
                    for (int j = 0; j <= i; j++) {
                        att[row + j] *= inv;
                    }
                    java.util.Arrays.fill(att, row + i + 1, row + t, 0f);
                }
                mm.ab(w, y, att, s, w, v, mixShape, false);
                scatter(out, outOff, w, y, b, h, a, false);
            }
        });
    }

    /**
     * Accumulates {@code dqkv}. From {@code out = att · v}: {@code datt = dout · vᵀ},
     * {@code dv += attᵀ · dout}; from the softmax: {@code dpre_tj = att_tj (datt_tj - sum_k att_tk datt_tk)};
     * from {@code pre = q kᵀ / sqrt(D)}: {@code dq += dpre · k / sqrt(D)}, {@code dk += dpreᵀ · q / sqrt(D)}.
     *
     * @param dqkv gradients of q, k, v, each (B, T, C), at the offsets {@code din}; accumulated
     * @param dout (B, T, C)
     * @param qkv forward inputs q, k, v, each (B, T, C), at the offsets {@code in}
     * @param att (B, H, T, T) saved by forward
     */
    static void backward(Matmul mm, float[] dqkv, QkvOffsets din, float[] dout, int doutOff, float[] qkv, QkvOffsets in,
                         float[] att, int attOff, AttentionShape a, WorkPool workers) {
        int t = a.context();
        int d = a.headDim();
        float scale = (float) (1.0 / Math.sqrt(d));
        // one shape object per call, not per head: the step's garbage is counted (StepAllocationTest)
        MatmulShape scoreShape = new MatmulShape(t, t, d);
        MatmulShape mixShape = new MatmulShape(t, d, t);
        workers.forEachRange(a.batch() * a.heads(), 1, (from, to) -> {
            float[] w = workspace(a, 7);
            int q = 0;
            int k = t * d;
            int v = 2 * t * d;
            int dy = 3 * t * d;
            int dq = 4 * t * d;
            int dk = 5 * t * d;
            int dv = 6 * t * d;
            int dp = 7 * t * d;
            for (int bh = from; bh < to; bh++) {
                int b = bh / a.heads();
                int h = bh % a.heads();
                gather(w, q, qkv, in.q(), b, h, a);
                gather(w, k, qkv, in.k(), b, h, a);
                gather(w, v, qkv, in.v(), b, h, a);
                gather(w, dy, dout, doutOff, b, h, a);
                int s = attOff + bh * t * t;
                mm.abT(w, dp, w, dy, w, v, scoreShape, false);
                mm.aTb(w, dv, att, s, w, dy, mixShape, false);
                for (int i = 0; i < t; i++) {
                    int row = s + i * t;
                    int g = dp + i * t;
                    float weighted = 0f;
                    for (int j = 0; j <= i; j++) {
                        weighted += att[row + j] * w[g + j];
                    }
                    for (int j = 0; j <= i; j++) {
                        w[g + j] = att[row + j] * (w[g + j] - weighted) * scale;
                    }
                    java.util.Arrays.fill(w, g + i + 1, g + t, 0f);
                }
                mm.ab(w, dq, w, dp, w, k, mixShape, false);
                mm.aTb(w, dk, w, dp, w, q, mixShape, false);
                scatter(dqkv, din.q(), w, dq, b, h, a, true);
                scatter(dqkv, din.k(), w, dk, b, h, a, true);
                scatter(dqkv, din.v(), w, dv, b, h, a, true);
            }
        });
    }

    /** This thread's workspace of {@code blocks} (T, D) matrices followed by a (T, T) one, grown on demand. */
    private static float[] workspace(AttentionShape a, int blocks) {
        int need = blocks * a.context() * a.headDim() + a.context() * a.context();
        float[] w = WORKSPACE.get();
        if (w.length < need) {
            w = new float[need];
            WORKSPACE.set(w);
        }
        return w;
    }

    /** Copies head h of sequence b, (T, D) with row stride C, to {@code w[dst..]} with row stride D. */
    private static void gather(float[] w, int dst, float[] src, int srcOff, int b, int h, AttentionShape a) {
        int t = a.context();
        int d = a.headDim();
        int c = a.width();
        for (int i = 0; i < t; i++) {
            System.arraycopy(src, srcOff + (b * t + i) * c + h * d, w, dst + i * d, d);
        }
    }

    /** Writes (or adds) a (T, D) block back into head h of sequence b of a (B, T, C) matrix. */
    private static void scatter(float[] dst, int dstOff, float[] w, int src, int b, int h, AttentionShape a,
                                boolean accumulate) {
        int t = a.context();
        int d = a.headDim();
        int c = a.width();
        for (int i = 0; i < t; i++) {
            int o = dstOff + (b * t + i) * c + h * d;
            if (accumulate) {
                for (int e = 0; e < d; e++) {
                    dst[o + e] += w[src + i * d + e];
                }
            } else {
                System.arraycopy(w, src + i * d, dst, o, d);
            }
        }
    }
}
