/**
 * The built-in functions and constants of the .prec language with their signatures.
 *
 * <p>{@link dev.prec.lang.builtin.Builtins} is the one table the checker (names, arity, named
 * arguments, types), the evaluator and the REPL's completion all read. A signature lists each named
 * parameter with its type and default; arguments may be given by position in that order or by name.
 */
package dev.prec.lang.builtin;
