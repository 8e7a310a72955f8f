/**
 * Training of {@link dev.prec.model.Transformer} models: AdamW with gradient clipping, learning-rate
 * schedules, a token budget, validation loss, divergence detection, tail averaging of weights, and
 * checkpoints in the safetensors format from which an interrupted run resumes to the same result.
 * Entry point: {@link dev.prec.train.Trainer#run}.
 */
package dev.prec.train;
