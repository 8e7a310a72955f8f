package dev.prec.model;

import dev.prec.tensor.WorkPool;

/**
 * Causal multi-head scaled dot-product attention over queries, keys and values that are each a
 * (B, T, C) matrix; head h uses channels h*D..h*D+D-1. Work is split over the B*H (sequence, head)
 * pairs, whose outputs are disjoint.
 */
final class Attention {

    private Attention() {
    }

    /**
     * {@code att = softmax(q kᵀ / sqrt(D))} over keys {@code j <= t}, {@code out = att · v}.
     *
     * @param out (B, T, C) overwritten
     * @param att (B, H, T, T) probabilities saved for backward; entries {@code j > t} are zero
     * @param qkv array holding q, k and v, each (B, T, C), at the offsets {@code in}
     */
    static void forward(float[] out, int outOff, float[] att, int attOff, float[] qkv, QkvOffsets in,
                        AttentionShape a, WorkPool workers) {
        int t = a.context();
        int d = a.headDim();
        int c = a.width();
        float scale = (float) (1.0 / Math.sqrt(d));
        workers.forEachRange(a.batch() * a.heads(), 1, (from, to) -> {
            for (int bh = from; bh < to; bh++) {
                int b = bh / a.heads();
                int h = bh % a.heads();
                int seq = b * t * c + h * d;
                for (int i = 0; i < t; i++) {
                    int q = in.q() + seq + i * c;
                    int row = attOff + (bh * t + i) * t;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        int k = in.k() + seq + j * c;
                        float dot = 0f;
                        for (int e = 0; e < d; e++) {
                            dot += qkv[q + e] * qkv[k + e];
                        }
                        dot *= scale;
                        att[row + j] = dot;
                        max = Math.max(max, dot);
                    }
                    float sum = 0f;
                    for (int j = 0; j <= i; j++) {
                        float p = (float) Math.exp(att[row + j] - max);
                        att[row + j] = p;
                        sum += p;
                    }
                    float inv = 1f / sum;
                    for (int j = 0; j <= i; j++) {
                        att[row + j] *= inv;
                    }
                    for (int j = i + 1; j < t; j++) {
                        att[row + j] = 0f;
                    }
                    int o = outOff + (b * t + i) * c + h * d;
                    for (int e = 0; e < d; e++) {
                        out[o + e] = 0f;
                    }
                    for (int j = 0; j <= i; j++) {
                        int v = in.v() + seq + j * c;
                        float p = att[row + j];
                        for (int e = 0; e < d; e++) {
                            out[o + e] += p * qkv[v + e];
                        }
                    }
                }
            }
        });
    }

    /**
     * Accumulates {@code dqkv}. From {@code out_t = sum_j att_tj v_j}: {@code datt_tj = dout_t · v_j},
     * {@code dv_j += att_tj dout_t}; from the softmax: {@code dpre_tj = att_tj (datt_tj - sum_k att_tk datt_tk)};
     * from {@code pre_tj = q_t · k_j / sqrt(D)}: {@code dq_t += dpre_tj k_j / sqrt(D)},
     * {@code dk_j += dpre_tj q_t / sqrt(D)}.
     *
     * @param dqkv gradients of q, k, v, each (B, T, C), at the offsets {@code din}; accumulated
     * @param scratch (B, H, T) per-row workspace for {@code datt}, at least {@code B*H*T} floats
     *     from {@code scratchOff}; each (sequence, head) pair uses its own T floats
     * @param dout (B, T, C)
     * @param qkv forward inputs q, k, v, each (B, T, C), at the offsets {@code in}
     * @param att (B, H, T, T) saved by forward
     */
    static void backward(float[] dqkv, QkvOffsets din, float[] scratch, int scratchOff, float[] dout, int doutOff,
                         float[] qkv, QkvOffsets in, float[] att, int attOff, AttentionShape a, WorkPool workers) {
        int t = a.context();
        int d = a.headDim();
        int c = a.width();
        float scale = (float) (1.0 / Math.sqrt(d));
        workers.forEachRange(a.batch() * a.heads(), 1, (from, to) -> {
            for (int bh = from; bh < to; bh++) {
                int b = bh / a.heads();
                int h = bh % a.heads();
                int seq = b * t * c + h * d;
                int datt = scratchOff + bh * t;
                for (int i = 0; i < t; i++) {
                    int row = attOff + (bh * t + i) * t;
                    int o = doutOff + (b * t + i) * c + h * d;
                    float weighted = 0f;
                    for (int j = 0; j <= i; j++) {
                        int v = in.v() + seq + j * c;
                        int dv = din.v() + seq + j * c;
                        float p = att[row + j];
                        float g = 0f;
                        for (int e = 0; e < d; e++) {
                            g += dout[o + e] * qkv[v + e];
                            dqkv[dv + e] += p * dout[o + e];
                        }
                        scratch[datt + j] = g;
                        weighted += p * g;
                    }
                    int q = in.q() + seq + i * c;
                    int dq = din.q() + seq + i * c;
                    for (int j = 0; j <= i; j++) {
                        float dpre = att[row + j] * (scratch[datt + j] - weighted) * scale;
                        int k = in.k() + seq + j * c;
                        int dk = din.k() + seq + j * c;
                        for (int e = 0; e < d; e++) {
                            dqkv[dq + e] += dpre * qkv[k + e];
                            dqkv[dk + e] += dpre * qkv[q + e];
                        }
                    }
                }
            }
        });
    }
}
