/**
 * Training of {@link dev.prec.model.Transformer} models: AdamW with gradient clipping, learning-rate
 * schedules, a token budget, validation loss, divergence detection, tail averaging of weights, and
 * checkpoints in the safetensors format from which an interrupted run resumes to the same result.
 *
 * <p>Entry point, {@link dev.prec.train.Trainer#run}:
 * <pre>{@code
 * TransformerConfig model = TransformerConfig.olmo(2, 64, 4, 32, 64);      // L, C, H, T, V
 * TrainingSpec spec = TrainingSpec.of(model, 1e-2, 16, 150_000)             // peak LR, B, D tokens
 *         .withQuantization(new Quantization(
 *                 QuantSpec.of(Formats.integer(4)).withGranularity(Granularity.PER_CHANNEL).quantizer(),
 *                 null, null, false))                                        // int4 weights only
 *         .withEvaluation(100, 8).withThreads(2);
 * TrainingResult r = Trainer.run(spec, Datasets.markov(MarkovSpec.FIRST_ORDER_64));
 * r.finalValLoss();                                                         // nats per token
 * }</pre>
 * Step s of a run reads training batch s of the dataset; a run is a pure function of its spec, its
 * data and the vector width, whatever the thread count.
 */
package dev.prec.train;
