/**
 * The {@code plot} action's engine: maps laws, fit results, run tables and optima to the plain charts
 * of {@link dev.prec.plot} and writes them as PNG or SVG ({@link dev.prec.lang.bind.plot.ChartEngine}).
 * The kind of figure follows from the subject or from the {@code kind:} option; see {@code docs/plots.md}.
 */
package dev.prec.lang.bind.plot;
