package dev.prec.lang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Operator;
import dev.prec.lang.ast.Program;
import dev.prec.lang.ast.SourcePrinter;
import dev.prec.lang.ast.Stmt;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.fuzz.ScriptFuzzer;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link SourcePrinter} and the parser agree: printing a parsed script and parsing the print gives the
 * same tree, and randomly generated expressions, written fully parenthesized, parse to the tree they
 * were generated from (the generator is the oracle for precedence and associativity).
 */
class RoundTripTest {

    /** A tree's structure without positions: record text with every span removed. */
    static String shape(Object node) {
        return node.toString().replaceAll("(operatorSpan|span)=[^,\\]]*", "");
    }

    private static Program parse(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        Program p = Parser.parse(new SourceFile("t.prec", text), sink);
        assertEquals(List.of(), sink.all().stream().map(d -> d.span() + ": " + d.message()).toList(),
                () -> "errors parsing:\n" + text);
        return p;
    }

    @Test
    void everyValidTestScriptAndExamplePrintsToTextThatParsesToTheSameTree() {
        int checked = 0;
        for (String script : ScriptFuzzer.defaultCorpus()) {
            DiagnosticSink sink = new DiagnosticSink();
            Program original = Parser.parse(new SourceFile("t.prec", script), sink);
            if (sink.hasErrors()) {
                continue;
            }
            String printed = SourcePrinter.print(original);
            assertEquals(shape(original.statements()), shape(parse(printed).statements()), printed);
            assertEquals(printed, SourcePrinter.print(parse(printed)), "printing is not idempotent");
            checked++;
        }
        assertEquals(true, checked >= 2, "only " + checked + " valid scripts in the corpus");
    }

    @Test
    void minimalParenthesesKeepTheTree() {
        for (String text : List.of("(a + b) * c", "a - (b - c)", "(a ^ b) ^ c", "a ^ (b ^ c)", "(-a) ^ 2",
                "-(a ^ 2)", "not (a and b)", "(a or b) and c", "(a < b) == c", "(x where y) with z",
                "(fit l to t) where c", "fit l to (t with o)", "train (g where w < 9) on d", "(1..2)..3",
                "a - -b", "f(x)(y).z[0]", "(a between 1 and 2) between 0 and 1", "(plan x) + 1")) {
            Expr e = ((Stmt.Assign) parse("x = " + text).statements().getFirst()).value();
            String printed = SourcePrinter.print(e);
            Expr again = ((Stmt.Assign) parse("x = " + printed).statements().getFirst()).value();
            assertEquals(shape(e), shape(again), text + " printed as " + printed);
        }
    }

    /** A generated expression: its fully parenthesized text and its structure in prefix notation. */
    private record Generated(String text, String prefix) {
    }

    private static final List<Operator> BINARY = List.of(Operator.ADD, Operator.SUBTRACT, Operator.MULTIPLY,
            Operator.DIVIDE, Operator.POWER, Operator.AND, Operator.OR, Operator.LESS, Operator.EQUAL, Operator.IN);

    private static Generated generate(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return r.nextBoolean() ? new Generated("v" + r.nextInt(5), "v") : new Generated(r.nextInt(100) + "M", "n");
        }
        return switch (r.nextInt(8)) {
            case 0 -> {
                Generated a = generate(r, depth - 1);
                yield new Generated("-(" + a.text + ")", "(neg " + a.prefix + ")");
            }
            case 1 -> {
                Generated a = generate(r, depth - 1);
                yield new Generated("not (" + a.text + ")", "(not " + a.prefix + ")");
            }
            case 2 -> {
                Generated a = generate(r, depth - 1);
                Generated b = generate(r, depth - 1);
                Generated c = generate(r, depth - 1);
                yield new Generated("(" + a.text + ") between (" + b.text + ") and (" + c.text + ")",
                        "(between " + a.prefix + " " + b.prefix + " " + c.prefix + ")");
            }
            case 3 -> {
                Generated a = generate(r, depth - 1);
                Generated b = generate(r, depth - 1);
                yield new Generated("f(" + a.text + ", k: " + b.text + ")", "(call " + a.prefix + " " + b.prefix + ")");
            }
            case 4 -> {
                Generated a = generate(r, depth - 1);
                Generated b = generate(r, depth - 1);
                yield new Generated("(" + a.text + ") where (" + b.text + ")", "(where " + a.prefix + " " + b.prefix + ")");
            }
            default -> {
                Operator op = BINARY.get(r.nextInt(BINARY.size()));
                Generated a = generate(r, depth - 1);
                Generated b = generate(r, depth - 1);
                yield new Generated("(" + a.text + ") " + op.symbol() + " (" + b.text + ")",
                        "(" + op.symbol() + " " + a.prefix + " " + b.prefix + ")");
            }
        };
    }

    /** The parsed tree in the generator's prefix notation. */
    private static String prefix(Expr e) {
        return switch (e) {
            case Expr.Ref r -> "v";
            case Expr.Num n -> "n";
            case Expr.Unary u -> "(" + (u.operator() == Operator.NOT ? "not" : "neg") + " " + prefix(u.operand()) + ")";
            case Expr.Binary b -> "(" + b.operator().symbol() + " " + prefix(b.left()) + " " + prefix(b.right()) + ")";
            case Expr.Between b -> "(between " + prefix(b.value()) + " " + prefix(b.low()) + " " + prefix(b.high()) + ")";
            case Expr.Call c -> "(call " + c.args().stream().map(RoundTripTest::prefix).collect(Collectors.joining(" "))
                    + " " + c.named().stream().map(n -> prefix(n.value())).collect(Collectors.joining(" ")) + ")";
            case Expr.Where w -> "(where " + prefix(w.source()) + " " + prefix(w.condition()) + ")";
            default -> "?" + e.getClass().getSimpleName();
        };
    }

    @Test
    void generatedExpressionsParseToTheirTreeAndSurvivePrintingWithMinimalParentheses() {
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            Generated g = generate(r, 1 + r.nextInt(5));
            Expr parsed = ((Stmt.Assign) parse("x = " + g.text).statements().getFirst()).value();
            assertEquals(g.prefix, prefix(parsed), g.text);
            String printed = SourcePrinter.print(parsed);
            Expr again = ((Stmt.Assign) parse("x = " + printed).statements().getFirst()).value();
            assertEquals(g.prefix, prefix(again), g.text + " printed as " + printed);
        }
    }

    @Test
    void lawsPrintWithTheirBoundsAndLossLine() {
        String text = "law mine(N, D) {\n  params A > 0, alpha in [0, 2], E\n  Neff = N * 2\n  loss = A * Neff ^ -alpha + E\n}\n";
        assertEquals(text, SourcePrinter.print(parse(text)));
    }

    @Test
    void recordKeysThatAreNotWordsAreQuoted() {
        assertEquals("x = {\"quoted key\": 1, with: \"a\\\"b\"}\n",
                SourcePrinter.print(parse("x = { \"quoted key\": 1, with: \"a\\\"b\" }")));
    }
}
