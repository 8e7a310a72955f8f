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
    void onAnImportedTableAGuestFunctionFiltersRowsTransformsAColumnAndDerivesAColumn(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("runs.csv"), "N,D,P,loss\n1e8,2e9,16,3.1\n1e8,4e8,8,3.6\n4e8,8e9,4,2.9\n");
        Files.writeString(dir.resolve("s.prec"), """
                fn chinchilla_ok = js "(N, D) => D / N >= 20"
                fn nats_to_bits = js "(xs) => xs.map(x => x / Math.LN2)"
                fn with_ratio = js "(rows) => rows.map(r => ({ ...r, ratio: r.D / r.N }))"
                runs = csv("runs.csv")
                kept = runs where chinchilla_ok(N, D) and P > 4
                bits = nats_to_bits(runs.loss)
                ratios = with_ratio(runs)
                """);
        PrecEngine prec = Prec.engine();
        prec.eval(dir.resolve("s.prec"));
        assertEquals(List.of(3.1), prec.eval("kept.loss"), "only the first run has D/N >= 20 and P > 4");
        assertEquals(List.of(3.1 / Math.log(2), 3.6 / Math.log(2), 2.9 / Math.log(2)), prec.get("bits"));
        assertEquals(List.of(20.0, 4.0, 20.0), prec.eval("[ratios[0].ratio, ratios[1].ratio, ratios[2].ratio]"));
        assertEquals(3.6, prec.eval("ratios[1].loss"), "the other columns pass through");
    }

    /** Each of params, tokens, bits and loss of optimum {@code got} equals that of {@code want} to 1e-6 relative. */
    private static void sameOptimum(PrecEngine prec, String want, String got) throws PrecException {
        for (String k : List.of("params", "tokens", "bits", "loss")) {
            double w = (Double) prec.eval(want + "." + k);
            assertEquals(w, (Double) prec.eval(got + "." + k), Math.abs(w) * 1e-6, got + "." + k);
        }
    }

    @Test
    void aGuestCostModelGivesTheSameOptimumAsTheSameModelWrittenInPrec() throws PrecException {
        // Kumar et al.'s training law has an interior optimum in all of N, D and P at this budget (P* near 7
        // bits), so agreement is not two searches stopping at the same bound.
        PrecEngine prec = Prec.engine();
        prec.eval("""
                fn paper = js "(N, D, P) => 6 * N * D * P / 16"
                fn serving = js "(N, D, P) => 6 * N * D * P / 16 + 2 * N * P * 1e12 / 16"
                a = optimize kumar2024.training for budget 1e21 bitflops
                b = optimize kumar2024.training for budget 1e21 bitflops with { cost: paper }
                c = optimize kumar2024.training for budget 1e21 bitflops with { cost: "inference", served_tokens: 1T }
                d = optimize kumar2024.training for budget 1e21 bitflops with { cost: serving }
                """);
        double bits = (Double) prec.eval("a.bits");
        assertTrue(bits > 4 && bits < 12, "interior P* " + bits);
        sameOptimum(prec, "a", "b");
        sameOptimum(prec, "c", "d");
        // The serving term moves the optimum a lot, so a cost function that were ignored could not pass.
        assertTrue((Double) prec.eval("a.params") > 3 * (Double) prec.eval("d.params"));
    }

    @Test
    void aCostFunctionOfTheWrongShapeIsAnError() {
        PrecEngine prec = Prec.engine();
        Diagnostic d = failure(prec, "fn two = js \"(N, D) => N * D\"\nlaw toy(N, D, P) {\n  loss = 400 * N^-0.34 + 1800 * D^-0.28 + P / 100\n}\nb = optimize toy for budget 1e21 bitflops with { cost: two }");
        assertTrue(d.message().contains("(N, D, P)"), d.message());
    }
}
