/**
 * The language's {@code fit} action and built-in laws bound to {@code dev.prec.law} and
 * {@code dev.prec.fit}: {@link dev.prec.lang.bind.fit.PublishedLawCatalog} serves the law registry
 * by script name, {@link dev.prec.lang.bind.fit.LawCompiler} turns a law written in a script into
 * the library's expression tree, and {@link dev.prec.lang.bind.fit.LawFitEngine} fits either to a
 * run table with the Huber recipe, bootstrap intervals, warnings and provenance. Both engines are
 * registered with {@link java.util.ServiceLoader}.
 */
package dev.prec.lang.bind.fit;
