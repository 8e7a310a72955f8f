/**
 * A study's report as one self-contained page: a {@link dev.prec.report.Page} of
 * {@link dev.prec.report.Section sections} made of {@link dev.prec.report.Block blocks} (text, tables,
 * warnings, preformatted text, figures), written by {@link dev.prec.report.PageWriter} as XHTML whose
 * figures are inlined as {@code data:} URIs, so the file can be mailed or archived alone. No language
 * types: the interpreter's report binding maps runs, fits and optima to blocks.
 */
package dev.prec.report;
