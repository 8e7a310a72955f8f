package dev.prec.lang.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.embed.Prec;
import dev.prec.embed.PrecEngine;
import dev.prec.embed.PrecException;
import dev.prec.lang.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fn name = js ...}: definition, calls, values across the boundary, use in where, optimize and columns. */
class GuestFunctionTest {

    private static Diagnostic failure(PrecEngine prec, String script) {
        PrecException e = assertThrows(PrecException.class, () -> prec.eval(script));
        return e.first();
    }

    @Test
    void anInlineFunctionIsCalledWithPositionalAndNamedArguments() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval("fn cost = js \"(N, D, P) => 6*N*D*P/16\"");
        assertEquals(6.0 * 2 * 3 * 8 / 16, prec.eval("cost(2, 3, 8)"));
        assertEquals(6.0 * 2 * 3 * 8 / 16, prec.eval("cost(P: 8, N: 2, D: 3)"));
        assertEquals(6.0 * 1e9 * 2e10 * 16 / 16, prec.eval("cost(1B, 20B, 16)"));
    }

    @Test
    void listsRecordsStringsAndBooleansCrossBothWays() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval("""
                fn describe = js "(xs, r, s, b) => ({ total: xs.reduce((a, x) => a + x, 0), name: s + r.k, flag: !b, rev: [...xs].reverse() })"
                out = describe([1, 2, 3], { k: "v" }, "k=", false)
                """);
        assertEquals(Map.of("total", 6.0, "name", "k=v", "flag", true, "rev", List.of(3.0, 2.0, 1.0)), prec.get("out"));
    }

    @Test
    void aValueWithNoCounterpartIsAnErrorAtTheCallSite() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval("fn nothing = js \"() => undefined\"\nfn fun = js \"() => (x => x)\"\nfn id = js \"(x) => x\"");
        Diagnostic d = failure(prec, "a = 1\nb = nothing()");
        assertEquals(2, d.span().line());
        assertTrue(d.message().contains("undefined"), d.message());
        assertTrue(failure(prec, "fun()").message().contains("function"));
        Diagnostic format = failure(prec, "x = 1\n  y = id(int(4))");
        assertEquals(2, format.span().line());
        assertEquals(7, format.span().column());
        assertTrue(format.message().contains("argument 'x'"), format.message());
    }

    @Test
    void aSourceThatIsNotAFunctionOrDoesNotParseIsAnError() {
        PrecEngine prec = Prec.engine();
        assertTrue(failure(prec, "fn f = js \"42\"").message().contains("must evaluate to a function"));
        assertTrue(failure(prec, "fn g = js \"(x) => \"").message().contains("syntax"));
        assertTrue(failure(prec, "fn h = python \"lambda: 1\"").message().contains("python"));
    }

    @Test
    void aFileBasedFunctionReadsItsSourceNextToTheScript(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ratio.js"), "// tokens per parameter\nfunction ratio(N, D) { return D / N; }\nratio\n");
        Path script = dir.resolve("s.prec");
        Files.writeString(script, "fn ratio = js file(\"ratio.js\")\nr = ratio(1B, 20B)\n");
        PrecEngine prec = Prec.engine();
        prec.eval(script);
        assertEquals(20.0, prec.getNumber("r"));
    }

    @Test
    void aGuestFunctionFiltersInWhere() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval("""
                fn wide = js "(width, heads) => width / heads >= 32"
                rows = [{ width: 64, heads: 4 }, { width: 128, heads: 2 }, { width: 96, heads: 3 }]
                kept = rows where wide(width, heads)
                """);
        assertEquals(List.of(Map.of("width", 128.0, "heads", 2.0), Map.of("width", 96.0, "heads", 3.0)), prec.get("kept"));
    }

    @Test
    void aGuestFunctionTransformsAColumnAndATable() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval("""
                fn logs = js "(xs) => xs.map(Math.log)"
                fn ratio = js "(rows) => rows.map(r => ({ ...r, ratio: r.D / r.N }))"
                l = logs([1, 10, 100])
                t = ratio([{ N: 1, D: 20 }, { N: 2, D: 10 }])
                """);
        assertEquals(List.of(0.0, Math.log(10), Math.log(100)), prec.get("l"));
        assertEquals(List.of(Map.of("N", 1.0, "D", 20.0, "ratio", 20.0), Map.of("N", 2.0, "D", 10.0, "ratio", 5.0)),
                prec.get("t"));
    }

    @Test
    void aGuestCostModelGivesTheSameOptimumAsTheBuiltInModel() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval("""
                law toy(N, D, P) {
                  Neff = N * (1 - exp(-P / 2.7))
                  loss = 400 * Neff^-0.34 + 1800 * D^-0.28 + 1.7
                }
                fn paper = js "(N, D, P) => 6 * N * D * P / 16"
                a = optimize toy for budget 1e21 bitflops
                b = optimize toy for budget 1e21 bitflops with { cost: paper }
                """);
        for (String k : List.of("params", "tokens", "bits", "loss")) {
            double want = (Double) prec.eval("a." + k);
            double got = (Double) prec.eval("b." + k);
            assertEquals(want, got, Math.abs(want) * 1e-6, k);
        }
    }

    @Test
    void aCostFunctionOfTheWrongShapeIsAnError() {
        PrecEngine prec = Prec.engine();
        Diagnostic d = failure(prec, "fn two = js \"(N, D) => N * D\"\nlaw toy(N, D, P) {\n  loss = 400 * N^-0.34 + 1800 * D^-0.28 + P / 100\n}\nb = optimize toy for budget 1e21 bitflops with { cost: two }");
        assertTrue(d.message().contains("(N, D, P)"), d.message());
    }
}
