/**
 * The checking pass: resolves every name, checks calls against the built-in signatures (arity,
 * named arguments, types), units ({@code tokens:} must be tokens, a budget flops or bit-FLOPs) and
 * the shape of domain records (precisions, sweeps, action options), before anything runs.
 *
 * <p>It reports every error it finds into the sink and never stops at the first: an expression
 * already reported gets {@link dev.prec.lang.value.Type.Error}, which every check accepts, so one
 * mistake is one message. Misspelt names, arguments, fields and members get "did you mean".
 */
package dev.prec.lang.check;
