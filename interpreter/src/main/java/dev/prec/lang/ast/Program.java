package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.List;

/**
 * A parsed script: its statements in source order. Statements with syntax errors are left out (the
 * errors are in the sink the parser was given), so a program may be partial.
 *
 * @param statements the well-formed statements, in order
 * @param span the whole source
 */
public record Program(List<Stmt> statements, Span span) {
    public Program {
        statements = List.copyOf(statements);
        if (span == null) {
            throw new IllegalArgumentException("span is required");
        }
    }
}
