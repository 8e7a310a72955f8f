/**
 * The report engine: {@code report to "study.html"} turns what a script run produced (its plan, run
 * tables, fits with intervals and warnings, laws, optima, plots and printed output) into one
 * self-contained page, written by the stdlib's {@link dev.prec.report.PageWriter}.
 */
package dev.prec.lang.bind.report;
