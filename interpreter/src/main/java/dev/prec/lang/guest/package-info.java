/**
 * Guest-language functions: JavaScript run by GraalJS through the GraalVM Polyglot SDK, sandboxed, and
 * host-registered Java functions, both surfaced to scripts as {@link dev.prec.lang.value.FunctionValue}s.
 *
 * <p>Only {@link dev.prec.lang.guest.JsRuntime} and {@link dev.prec.lang.guest.GuestValues} touch
 * {@code org.graalvm.polyglot}; everything else reaches them through {@link dev.prec.lang.guest.Guests},
 * whose holder class is initialised on the first guest function, so a script without one never loads
 * the polyglot jars.
 */
package dev.prec.lang.guest;
