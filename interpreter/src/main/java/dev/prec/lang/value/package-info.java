/**
 * Runtime values of the .prec language and their static types.
 *
 * <p>Every value a script computes is an immutable record implementing the sealed {@link
 * dev.prec.lang.value.Value}: numbers carry an optional {@link dev.prec.lang.value.Unit}, precisions
 * are typed (format, granularity, rounding per tensor), run tables keep each run's configuration beside
 * its results. {@link dev.prec.lang.value.Type} is what the checker knows about a value before it
 * exists; {@link dev.prec.lang.value.Value#type()} links the two.
 */
package dev.prec.lang.value;
