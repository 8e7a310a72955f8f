/**
 * The {@code quantize} action on the PTQ library: {@link dev.prec.lang.bind.quantize.PtqEngine},
 * registered as the {@link dev.prec.lang.engine.QuantizeEngine} service.
 */
package dev.prec.lang.bind.quantize;
