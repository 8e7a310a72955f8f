/**
 * The {@code prec} command: one small picocli command class per subcommand ({@code run},
 * {@code check}, {@code repl}), each delegating in a few lines to the one {@link
 * dev.prec.lang.Pipeline}. Exit codes are mapped once, in {@link dev.prec.cli.ExitCodes}: 0 ok, 1 script
 * error, 2 usage error. User errors print as diagnostics, never as stack traces.
 */
package dev.prec.cli;
