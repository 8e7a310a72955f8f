/**
 * Post-training quantization of trained transformers, weights only: round-to-nearest and GPTQ
 * (Frantar et al., "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained
 * Transformers", arXiv 2210.17323), as Kumar et al. (arXiv 2411.04330) apply it after training.
 *
 * <p>Entry point: {@link dev.prec.ptq.PostTrainingQuantizer#quantize}. The linear layers of every
 * block (fused qkv, attention output, fused MLP gate/up, MLP down) are quantized one after another
 * in forward order; the input statistics of each layer are collected on calibration sequences with
 * every earlier layer already quantized. The embedding, the (tied) head and the norm gains stay in
 * fp32, as in GPTQ's reference code.
 *
 * <p>Shapes: a weight W is (OC, C) row-major, one row per output channel; the calibration inputs X
 * of a layer are (N, C) with N = calibration tokens; its Hessian H = 2 Xᵀ X is (C, C). Groups run
 * along a row (over input channels), so per-group scales are (OC, ceil(C / G)).
 */
package dev.prec.ptq;
