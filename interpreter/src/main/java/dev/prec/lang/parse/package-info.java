/**
 * Source text to {@link dev.prec.lang.ast.Program}: the only package that sees ANTLR.
 *
 * <p>{@link dev.prec.lang.parse.Parser#parse} lexes the whole text, lets {@code StatementSplitter}
 * drop the newlines that do not end a statement and cut the tokens into statements, parses each
 * statement on its own with {@code SyntaxErrorStrategy} (panic mode: the first error of a statement is
 * reported in plain words by {@code SyntaxMessages}, the rest of that statement is skipped, the next
 * statement is parsed afresh), and turns each parse tree into AST records with {@code AstBuilder}.
 */
package dev.prec.lang.parse;
