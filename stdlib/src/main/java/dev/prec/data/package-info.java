/**
 * Data sources for training and evaluation: synthetic languages with a known entropy floor
 * (a Zipf-weighted Markov source, a probabilistic grammar), text corpora read as bytes or through
 * a BPE tokenizer trained on them, and deterministic batching. The trainer sees only
 * {@link dev.prec.data.Dataset}; the language builds sources from their parameter records
 * ({@link dev.prec.data.MarkovSpec}, {@link dev.prec.data.GrammarSpec},
 * {@link dev.prec.data.TextSpec} with a {@link dev.prec.data.TokenizerSpec}) through
 * {@link dev.prec.data.Datasets}. Synthetic sources report their exact entropy rate; text
 * reports none.
 *
 * <h2>Legend</h2>
 * <ul>
 *   <li>B: sequences per batch ({@code batch}).</li>
 *   <li>T: tokens the model reads per sequence ({@code context}); a stored sequence has T + 1
 *       tokens, the model predicts tokens 1..T from their prefixes.</li>
 *   <li>V: vocabulary size; every token id is in [0, V).</li>
 *   <li>k: order of a Markov source, tokens of history per state; states number V^k.</li>
 * </ul>
 *
 * <h2>Layouts</h2>
 * <ul>
 *   <li>A batch {@code out} is (B, T + 1), row-major: sequence b at
 *       {@code out[b * (T + 1) .. (b + 1) * (T + 1))}.</li>
 *   <li>Batch i of size B holds sequences i*B .. i*B + B - 1 of its split's fixed stream of
 *       sequences, so the stream does not depend on B and sequence n depends only on
 *       (seed, split, n): runs are reproducible and resumable at any step.</li>
 *   <li>A Markov state is its k remembered tokens, oldest first, as the base-V number
 *       {@code a_1 V^(k-1) + ... + a_k}.</li>
 * </ul>
 *
 * <h2>Units</h2>
 * Entropies and losses are in nats per token.
 */
package dev.prec.data;
