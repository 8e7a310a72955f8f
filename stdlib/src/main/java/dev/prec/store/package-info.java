/**
 * The run store: every training run prec has planned or finished, in one SQLite file.
 *
 * <p>A run is keyed by the SHA-256 of its resolved spec written as canonical JSON
 * ({@link dev.prec.store.CanonicalJson}): sorted keys, one spelling per number. The spec holds
 * everything that determines the run (model, data fingerprint, precision, optimiser, schedule,
 * tokens, seed, trainer version), so a run is trained once and found again by anyone who resolves
 * the same spec. The store knows nothing of the trainer: specs are JSON, results are
 * {@link dev.prec.store.RunResult} records.
 *
 * <p>Safety: {@link dev.prec.store.RunStore#open} refuses files that are not prec run stores (not
 * SQLite, SQLite without prec's schema, a newer schema) with an error naming the file, before
 * writing anything. Processes share a store through atomic claims with a lease
 * ({@link dev.prec.store.RunStore#claim}); a claim whose owner died is taken over.
 */
package dev.prec.store;
