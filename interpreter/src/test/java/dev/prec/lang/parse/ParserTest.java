package dev.prec.lang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.ast.Action;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Granularity;
import dev.prec.lang.ast.Operator;
import dev.prec.lang.ast.Program;
import dev.prec.lang.ast.Quantity;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static Program parseClean(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        Program program = Parser.parse(new SourceFile("t.prec", text), sink);
        assertEquals(List.of(), sink.all().stream().map(Diagnostic::message).toList(), "unexpected errors");
        return program;
    }

    private static Expr valueOf(String expression) {
        Stmt stmt = parseClean("x = " + expression).statements().getFirst();
        return assertInstanceOf(Stmt.Assign.class, stmt).value();
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        Expr e = valueOf("-a ^ b ^ c");
        Expr.Unary neg = assertInstanceOf(Expr.Unary.class, e);
        Expr.Binary outer = assertInstanceOf(Expr.Binary.class, neg.operand());
        assertEquals(Operator.POWER, outer.operator());
        assertInstanceOf(Expr.Ref.class, outer.left());
        assertEquals(Operator.POWER, assertInstanceOf(Expr.Binary.class, outer.right()).operator());
    }

    @Test
    void exponentMayBeNegated() {
        Expr.Binary pow = assertInstanceOf(Expr.Binary.class, valueOf("N^-alpha"));
        assertEquals(Operator.NEGATE, assertInstanceOf(Expr.Unary.class, pow.right()).operator());
    }

    @Test
    void subtractionIsLeftAssociative() {
        Expr.Binary e = assertInstanceOf(Expr.Binary.class, valueOf("a - b - c"));
        assertInstanceOf(Expr.Binary.class, e.left());
        assertInstanceOf(Expr.Ref.class, e.right());
    }

    @Test
    void numbersKeepScaleAndUnit() {
        Quantity q = assertInstanceOf(Expr.Num.class, valueOf("1.5B tokens")).quantity();
        assertEquals(1.5e9, q.value());
        assertEquals(Quantity.Scale.B, q.scale());
        assertEquals(Quantity.Unit.TOKENS, q.unit());
        assertEquals(0.1, assertInstanceOf(Expr.Num.class, valueOf("10%")).quantity().value());
        assertEquals(6.2e-4, assertInstanceOf(Expr.Num.class, valueOf("6.2e-4")).quantity().value());
        assertEquals(1e21, assertInstanceOf(Expr.Num.class, valueOf("1e21 bitflops")).quantity().value());
        assertEquals(1_000_000, assertInstanceOf(Expr.Num.class, valueOf("1_000_000")).quantity().value());
    }

    @Test
    void qualifiersAttachToTheFormat() {
        Expr.Qualified q = assertInstanceOf(Expr.Qualified.class, valueOf("int(4) per_group(32) stochastic"));
        assertEquals(Granularity.Kind.PER_GROUP, q.granularity().orElseThrow().kind());
        assertTrue(q.rounding().isPresent());
        assertEquals("int", assertInstanceOf(Expr.Call.class, q.format()).calleeName().orElseThrow().text());
    }

    @Test
    void fitWhereClauseFiltersTheData() {
        Action.Fit fit = assertInstanceOf(Action.Fit.class,
                valueOf("fit chinchilla(tie: true) to runs where precision == bf16 with { bootstrap: 10 }"));
        assertInstanceOf(Expr.Where.class, fit.data());
        assertTrue(fit.options().isPresent());
    }

    @Test
    void newlinesInsideParenthesesAndBracketsDoNotEndTheStatement() {
        Program p = parseClean("x = f(1,\n  2)\ny = [1,\n 2,\n]\nz = a\n  .b\n");
        assertEquals(3, p.statements().size());
    }

    @Test
    void newlinesSeparateRecordFields() {
        Expr.RecordLit r = assertInstanceOf(Expr.RecordLit.class, valueOf("{\n  a: 1\n  b: [2, 3]\n\n  c: 4,\n}"));
        assertEquals(List.of("a", "b", "c"), r.fields().stream().map(f -> f.key().text()).toList());
    }

    @Test
    void semicolonsSeparateStatementsOnOneLine() {
        assertEquals(3, parseClean("a = 1; b = 2;c = 3;").statements().size());
    }

    @Test
    void betweenBindsTighterThanAnd() {
        Expr.Binary and = assertInstanceOf(Expr.Binary.class, valueOf("x between 1 and 2 and y"));
        assertEquals(Operator.AND, and.operator());
        assertInstanceOf(Expr.Between.class, and.left());
    }

    @Test
    void callNamesAndNamedArgumentsCarryTheirOwnSpans() {
        Expr.Call call = assertInstanceOf(Expr.Call.class, valueOf("synthetic(128, zipf: 1.1)"));
        assertEquals(5, call.calleeName().orElseThrow().span().column());
        assertEquals(1, call.args().size());
        assertEquals("zipf", call.named().getFirst().name().text());
        assertEquals(20, call.named().getFirst().name().span().column());
        assertEquals(24, call.named().getFirst().name().span().endColumn());
    }

    @Test
    void everyStatementWithAnErrorIsReportedOnceAndTheOthersKept() {
        DiagnosticSink sink = new DiagnosticSink();
        Program p = Parser.parse(new SourceFile("t.prec", "a = (1 +\nb = 2\nc = [1 2]\nd = 3\ne = 4 4 4 4\n"), sink);
        assertEquals(3, sink.errorCount(), () -> sink.all().toString());
        assertEquals(List.of("b", "d"), p.statements().stream()
                .map(s -> ((Stmt.Assign) s).name().text()).toList());
    }

    @Test
    void namesMayUseLettersOfAnyScript() {
        Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, parseClean("β = α2 + 1").statements().getFirst());
        assertEquals("β", a.name().text());
    }

    @Test
    void treesUpToTheDepthLimitParseAndOneLevelMoreIsRefused() {
        String atLimit = "x = " + "-".repeat(Parser.MAX_TREE_DEPTH - 1) + "1";
        assertEquals(1, parseClean(atLimit).statements().size());
        DiagnosticSink sink = new DiagnosticSink();
        Program p = Parser.parse(new SourceFile("t.prec", "x = -" + atLimit.substring(4) + "\ny = 2"), sink);
        assertEquals(List.of("this statement is nested too deeply to read"),
                sink.all().stream().map(Diagnostic::message).toList());
        assertEquals(1, p.statements().size());
    }

    @Test
    void incompleteInputIsRecognisedForTheRepl() {
        assertTrue(Parser.isIncomplete("sweep g = {\n  a: 1"));
        assertTrue(Parser.isIncomplete("x = f(1,"));
        assertTrue(Parser.isIncomplete("/* comment"));
        assertTrue(Parser.isIncomplete("x = 1 +  // more below"));
        assertTrue(Parser.isIncomplete("runs = train grid on"));
        assertFalse(Parser.isIncomplete("x = f(1)"));
        assertFalse(Parser.isIncomplete("x = a.b\n"));
        assertFalse(Parser.isIncomplete("x = \"(\""));
    }
}
