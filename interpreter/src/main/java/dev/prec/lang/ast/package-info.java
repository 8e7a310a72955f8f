/**
 * The syntax tree of a .prec script: immutable records under three sealed interfaces, {@link
 * dev.prec.lang.ast.Stmt}, {@link dev.prec.lang.ast.Expr} and {@link dev.prec.lang.ast.Expr.Action},
 * so that a phase written as one exhaustive {@code switch} fails to compile when a node kind is added.
 *
 * <p>Every node carries the {@link dev.prec.lang.diag.Span} to blame for it; names that a checker
 * may misspell-check ({@link dev.prec.lang.ast.Name}: declared names, called names, named arguments,
 * record keys, members) carry their own span. Lists are copied on construction; optional parts are
 * {@link java.util.Optional}. No ANTLR type appears here: {@code dev.prec.lang.parse.AstBuilder} is the
 * only code that sees the parse tree.
 */
package dev.prec.lang.ast;
