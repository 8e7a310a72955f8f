package dev.prec.lang.parse;

import dev.prec.grammar.PrecParser;
import dev.prec.lang.ast.Program;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.diag.Span;
import dev.prec.lang.ast.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** The front end's entry point: source text to a {@link Program}, syntax errors to a sink. */
public final class Parser {
    /**
     * Rule invocations deeper than this abandon a statement. About 14 invocations make one level of
     * bracket nesting, so this allows some 100 levels: far beyond any script, and well within a 1 MiB
     * thread stack for this parser and for the recursive phases after it.
     */
    static final int MAX_RULE_DEPTH = 1500;

    /**
     * Expression trees deeper than this are refused. Loops in the grammar ({@code a.b.c...},
     * {@code 1 + 1 + ...}) build deep trees without deep parsing; the phases after the parser recurse
     * over the tree, so its depth is bounded here, once, for all of them.
     */
    public static final int MAX_TREE_DEPTH = 100;

    private Parser() {
    }

    /**
     * Parses {@code source}. Never throws for any input text: every problem becomes a diagnostic.
     * Each statement is parsed separately; a statement with an error is reported once (its first error)
     * and left out of the program, and parsing continues with the next statement.
     *
     * @param source the script
     * @param sink receives one diagnostic per malformed statement, in source order
     * @return the well-formed statements
     */
    public static Program parse(SourceFile source, DiagnosticSink sink) {
        List<Stmt> statements = new ArrayList<>();
        for (StatementSplitter.Piece piece : StatementSplitter.split(source)) {
            if (piece.lexicalError().isPresent()) {
                sink.report(piece.lexicalError().get());
                continue;
            }
            Stmt stmt = statement(source.name(), piece.tokens(), sink);
            if (stmt != null) {
                statements.add(stmt);
            }
        }
        return new Program(statements, wholeFile(source));
    }

    /**
     * Whether {@code text} ends inside an open bracket or block comment, or after a token that cannot
     * end a statement ({@code x = 1 +}, {@code train grid on}), so that a REPL should read another line
     * before parsing.
     */
    public static boolean isIncomplete(String text) {
        return BracketBalance.isIncomplete(text);
    }

    private static Stmt statement(String file, List<Token> tokens, DiagnosticSink sink) {
        DepthLimitedParser parser = new DepthLimitedParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrorStrategy(new SyntaxMessages(file, tokens), sink));
        try {
            PrecParser.StatementLineContext line = parser.statementLine();
            Stmt stmt = new AstBuilder(file).statement(line.statement());
            if (depth(stmt) > MAX_TREE_DEPTH) {
                throw new TooDeep();
            }
            return stmt;
        } catch (ParseCancellationException alreadyReported) {
            return null;
        } catch (AstBuilder.BuildError e) {
            sink.error(e.span, "syntax", e.getMessage(), e.hint);
            return null;
        } catch (TooDeep | StackOverflowError e) {
            sink.error(TokenSpans.of(file, tokens.getFirst()), "too-deep",
                    "this statement is nested too deeply to read",
                    "split it into several statements with names for the inner parts");
            return null;
        }
    }

    /** The depth of the deepest expression in {@code stmt}, without recursion (the tree may be deep). */
    static int depth(Stmt stmt) {
        Deque<Expr> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        for (Expr e : Stmt.expressions(stmt)) {
            nodes.push(e);
            depths.push(1);
        }
        int deepest = 0;
        while (!nodes.isEmpty()) {
            Expr e = nodes.pop();
            int d = depths.pop();
            deepest = Math.max(deepest, d);
            for (Expr child : Expr.children(e)) {
                nodes.push(child);
                depths.push(d + 1);
            }
        }
        return deepest;
    }

    private static Span wholeFile(SourceFile source) {
        int lines = source.lineCount();
        return new Span(source.name(), 1, 1, lines, source.line(lines).length() + 1);
    }

    /** Thrown when a statement nests deeper than {@link #MAX_RULE_DEPTH}. */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** The generated parser with a bound on rule nesting, so deep input ends in a diagnostic, not a crash. */
    private static final class DepthLimitedParser extends PrecParser {
        private int depth;

        DepthLimitedParser(TokenStream input) {
            super(input);
        }

        @Override
        public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
            if (++depth > MAX_RULE_DEPTH) {
                throw new TooDeep();
            }
            super.enterRule(localctx, state, ruleIndex);
        }

        @Override
        public void exitRule() {
            depth--;
            super.exitRule();
        }
    }
}
