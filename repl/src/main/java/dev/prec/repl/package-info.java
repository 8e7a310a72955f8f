/**
 * The interactive REPL: one {@link dev.prec.repl.ReplSession} evaluates inputs through the same
 * {@link dev.prec.lang.Pipeline} as {@code prec run}; {@link dev.prec.repl.TerminalRepl} reads them with
 * JLine (history, highlighting, completion, continuation lines, Ctrl-C cancelling the running action);
 * {@link dev.prec.repl.PipedRepl} reads them from a stream when there is no terminal.
 */
package dev.prec.repl;
