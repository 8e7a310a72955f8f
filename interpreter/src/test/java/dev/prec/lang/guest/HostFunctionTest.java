package dev.prec.lang.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.embed.Prec;
import dev.prec.embed.PrecEngine;
import dev.prec.embed.PrecException;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/** PrecEngine.register: Java lambdas and a host's polyglot functions, callable from scripts. */
class HostFunctionTest {

    @Test
    void aJavaLambdaIsCalledWithPlainJavaArgumentsAndItsResultReadBack() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.register("scaled", List.of("xs", "k"), args -> ((List<?>) args.get(0)).stream()
                .map(x -> (Double) x * (Double) args.get(1)).toList());
        assertEquals(List.of(2.0, 4.0), prec.eval("scaled([1, 2], 2)"));
        assertEquals(List.of(3.0), prec.eval("scaled(k: 3, xs: [1])"));
    }

    @Test
    void aJavaCostModelGivesTheSameOptimumAsTheBuiltInOne() throws PrecException {
        PrecEngine prec = Prec.engine();
        prec.register("c", List.of("N", "D", "P"), a -> 0.375 * (Double) a.get(0) * (Double) a.get(1) * (Double) a.get(2));
        prec.eval("""
                law toy(N, D, P) {
                  loss = 400 * (N * (1 - exp(-P / 2.7)))^-0.34 + 1800 * D^-0.28 + 1.7
                }
                a = optimize toy for budget 1e20 bitflops
                b = optimize toy for budget 1e20 bitflops with { cost: c }
                """);
        assertEquals((Double) prec.eval("a.bits"), (Double) prec.eval("b.bits"), 1e-6);
        assertEquals((Double) prec.eval("a.params"), (Double) prec.eval("b.params"), 1e-6 * (Double) prec.eval("a.params"));
    }

    @Test
    void aHostExceptionIsAScriptErrorAtTheCall() {
        PrecEngine prec = Prec.engine();
        prec.register("strict", List.of("x"), a -> {
            throw new IllegalArgumentException("x must be positive");
        });
        PrecException e = assertThrows(PrecException.class, () -> prec.eval("y = 1\nz = strict(-1)"));
        assertEquals(2, e.first().span().line());
        assertTrue(e.first().message().contains("x must be positive"), e.first().message());
    }

    @Test
    void aHostPolyglotFunctionIsCallableWithRecordsAndLists() throws PrecException {
        try (Context host = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            PrecEngine prec = Prec.engine();
            prec.register("area", host.eval("js", "(shape, scales) => scales.map(s => shape.w * shape.h * s)"));
            assertEquals(List.of(6.0, 12.0), prec.eval("area({ w: 2, h: 3 }, [1, 2])"));
        }
    }

    @Test
    void registeringSomethingNotExecutableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Prec.engine().register("f", "not a function"));
        assertThrows(IllegalArgumentException.class, () -> Prec.engine().register("1bad", List.of("x"), a -> 1));
    }
}
