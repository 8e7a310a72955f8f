package dev.prec.lang.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.embed.Prec;
import dev.prec.embed.PrecEngine;
import dev.prec.embed.PrecException;
import dev.prec.lang.diag.Diagnostic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Limits set per function by a script ({@code fn f = js "..." with { statements, wall_s, heap_mib }}) and
 * per session by a host ({@link PrecEngine#guestPolicy}): each is enforced as a script error at the call,
 * and the interpreter answers the next statement.
 */
class GuestLimitsTest {
    /** Sums 0..n-1 in a loop: about 2n statements, so n picks how many a call executes. */
    private static final String SUM = "(n) => { let s = 0; for (let i = 0; i < n; i++) { s += i } return s }";

    private static Diagnostic failure(PrecEngine prec, String script) {
        return assertThrows(PrecException.class, () -> prec.eval(script)).first();
    }

    private static String fn(String name, String source, String with) {
        return "fn " + name + " = js \"" + source.replace("\"", "\\\"") + "\"" + (with.isEmpty() ? "" : " with " + with);
    }

    /** The engine still evaluates prec and calls a guest function defined before the failure. */
    private static void stillUsable(PrecEngine prec) throws PrecException {
        assertEquals(7.0, prec.eval("3 + 4"));
        assertEquals(4950.0, prec.eval("roomy(100)"));
    }

    @Test
    void aScriptStatementLimitStopsOnlyItsOwnFunction() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval(fn("roomy", SUM, "") + "\n" + fn("tight", SUM, "{ statements: 1000 }"));
        assertEquals(45.0, prec.eval("tight(10)"));
        Diagnostic d = failure(prec, "a = 1\nb = tight(10K)");
        assertEquals(2, d.span().line());
        assertEquals(5, d.span().column());
        assertTrue(d.message().contains("statement limit of 1000 statements"), d.message());
        assertEquals(10_000.0 * 9_999 / 2, prec.eval("roomy(10K)"), "the default limit (10M) allows 20K statements");
        assertEquals(45.0, prec.eval("tight(10)"), "the tight function works again after its breach");
        stillUsable(prec);
    }

    @Test
    void aScriptWallTimeLimitStopsALongCallPromptly() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval(fn("roomy", SUM, "") + "\n" + fn("spin", "() => { for (;;) {} }", "{ wall_s: 0.25, statements: 1T }"));
        long start = System.nanoTime();
        Diagnostic d = failure(prec, "x = 2\n\ny = spin()");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(3, d.span().line());
        assertTrue(d.message().contains("wall-time limit of 250 ms"), d.message());
        assertTrue(seconds < 5, "stopped after " + seconds + " s");
        stillUsable(prec);
    }

    @Test
    void aScriptHeapLimitStopsUnboundedAllocation() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.eval(fn("roomy", SUM, "") + "\n" + fn("hoard",
                "() => { const a = []; for (;;) a.push(new Array(100000).fill(0.5)) }",
                "{ heap_mib: 32, wall_s: 60, statements: 1T }"));
        Diagnostic d = failure(prec, "z = hoard()");
        assertEquals(1, d.span().line());
        assertTrue(d.message().contains("heap limit of 32 MiB"), d.message());
        stillUsable(prec);
    }

    @Test
    void theHostsDefaultsApplyToFunctionsWithoutLimits() throws PrecException {
        PrecEngine prec = Prec.engine().guestPolicy(new GuestPolicy(
                new GuestLimits(500, Duration.ofSeconds(2), 256L << 20), GuestLimits.CEILING));
        prec.eval(fn("small", SUM, ""));
        assertEquals(45.0, prec.eval("small(10)"));
        assertTrue(failure(prec, "small(1000)").message().contains("statement limit of 500 statements"));
        prec.eval(fn("roomy", SUM, "{ statements: 1M }"));
        stillUsable(prec);
    }

    @Test
    void underAFixedPolicyAScriptMayLowerButNotRaiseTheLimits() throws PrecException {
        PrecEngine prec = Prec.engine().guestPolicy(GuestPolicy.fixed(new GuestLimits(100_000, Duration.ofSeconds(1),
                128L << 20)));
        Diagnostic raise = failure(prec, "a = 1\n" + fn("greedy", SUM, "{ statements: 1B }"));
        assertEquals(2, raise.span().line());
        assertTrue(raise.message().contains("above this session's ceiling of 100000"), raise.message());
        assertTrue(failure(prec, fn("slow", SUM, "{ wall_s: 5 }")).message().contains("ceiling of 1.0 s"));
        assertTrue(failure(prec, fn("fat", SUM, "{ heap_mib: 1024 }")).message().contains("ceiling of 128 MiB"));
        prec.eval(fn("roomy", SUM, "{ statements: 50K, wall_s: 0.5, heap_mib: 64 }"));
        assertTrue(failure(prec, "roomy(100K)").message().contains("statement limit of 50000 statements"));
        assertEquals(4950.0, prec.eval("roomy(100)"));
    }

    @Test
    void anUnknownOrMistypedLimitIsACheckErrorAtItsField() {
        PrecEngine prec = Prec.engine();
        Diagnostic unknown = failure(prec, "fn f = js \"(x) => x\" with { statments: 10 }");
        assertEquals(1, unknown.span().line());
        assertEquals(29, unknown.span().column());
        assertTrue(unknown.message().contains("fn has no option 'statments'"), unknown.message());
        assertTrue(unknown.hint().contains("statements"), unknown.hint());
        assertTrue(failure(prec, "fn f = js \"(x) => x\" with { wall_s: \"long\" }").message().contains("wall_s"));
        assertEquals(1, assertThrows(PrecException.class, () -> prec.eval("fn f = js \"(x) => x\" with { wall_s: nope }"))
                .diagnostics().size(), "an error inside the limits is reported once");
    }

    @Test
    void limitsOutsideTheirRangeAreRefused() {
        PrecEngine prec = Prec.engine();
        assertTrue(failure(prec, fn("f", SUM, "{ statements: 0 }")).message().contains("whole number >= 1"));
        assertTrue(failure(prec, fn("f", SUM, "{ statements: 2.5 }")).message().contains("whole number >= 1"));
        assertTrue(failure(prec, fn("f", SUM, "{ wall_s: 0 }")).message().contains("wall_s must be positive"));
        assertTrue(failure(prec, fn("f", SUM, "{ heap_mib: 0.5 }")).message().contains("heap_mib must be >= 1"));
        assertTrue(failure(prec, fn("f", SUM, "{ wall_s: 7200 }")).message().contains("ceiling of 3600.0 s"));
    }

    @Test
    void aPolicyWhoseDefaultsExceedItsCeilingIsRefused() {
        GuestLimits low = new GuestLimits(10, Duration.ofSeconds(1), 1L << 20);
        assertThrows(IllegalArgumentException.class, () -> new GuestPolicy(GuestLimits.DEFAULT, low));
        assertThrows(IllegalArgumentException.class, () -> new GuestLimits(0, Duration.ofSeconds(1), 1L << 20));
        assertThrows(IllegalArgumentException.class, () -> new GuestLimits(1, Duration.ZERO, 1L << 20));
        assertThrows(IllegalArgumentException.class, () -> new GuestLimits(1, Duration.ofSeconds(1), 1000));
    }
}
