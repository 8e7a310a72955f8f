/**
 * The OLMo-style Transformer++ of Kumar et al. (arXiv 2411.04330): token embedding, pre-norm blocks
 * of causal multi-head attention with rotary position embeddings and a SwiGLU MLP, no biases; fp32
 * master weights, forward and backward written layer by layer, fake quantization of weights,
 * activations and the KV cache in the forward pass with straight-through gradients.
 *
 * <p>Legend of the sizes every shape comment uses (after karpathy/llm.c):
 * <ul>
 *   <li>{@code B} sequences in a batch, {@code T} tokens per sequence (the context),</li>
 *   <li>{@code C} width (channels), {@code H} attention heads, {@code D = C / H} head dimension,</li>
 *   <li>{@code F} hidden width of the MLP ({@link dev.prec.model.TransformerConfig#mlpHidden()}),</li>
 *   <li>{@code V} vocabulary, {@code L} layers, {@code OC} output channels of a linear layer.</li>
 * </ul>
 * All tensors are row-major float arrays; a shape (B, T, C) means index {@code (b * T + t) * C + c}.
 * Gradients carry a {@code d} prefix ({@code dinp}); backward passes accumulate ({@code +=}) and
 * zeroing is a separate step.
 */
package dev.prec.model;
