/**
 * Problems found in scripts, as values: {@link dev.prec.lang.diag.Span} (where),
 * {@link dev.prec.lang.diag.Diagnostic} (what, with a hint), {@link dev.prec.lang.diag.DiagnosticSink}
 * (collected by every phase, which never prints or exits), {@link dev.prec.lang.diag.DiagnosticRenderer}
 * (the one place that turns them into text with the source line and a caret), and
 * {@link dev.prec.lang.diag.Suggestions} ("did you mean ...?" for any phase that knows the valid names).
 */
package dev.prec.lang.diag;
