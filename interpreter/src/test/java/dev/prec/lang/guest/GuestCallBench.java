package dev.prec.lang.guest;

import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import java.util.List;
import java.util.Map;

/**
 * Side-by-side timing of 1e6 calls of a small numeric function through the script-call path
 * ({@link FunctionValue#body()}): sandboxed JavaScript versus a host Java lambda. Run by hand
 * (docs/benchmarks.md, "Guest functions"); not a test.
 */
public final class GuestCallBench {
    private static final int CALLS = 1_000_000;

    private GuestCallBench() {
    }

    public static void main(String[] args) {
        FunctionValue js = Guests.javascript().define("f", "(x) => x * x + 1");
        FunctionValue java = HostFunction.asFunction("f", List.of("x"), a -> (Double) a.get(0) * (Double) a.get(0) + 1);
        long defineStart = System.nanoTime();
        Guests.javascript().define("g", "(x) => x + 2");
        System.out.printf("define a second function: %.2f ms%n", (System.nanoTime() - defineStart) / 1e6);
        for (int round = 0; round < 3; round++) {
            System.out.printf("round %d: js %.3f us/call, java %.3f us/call%n", round, perCall(js), perCall(java));
        }
    }

    private static double perCall(FunctionValue f) {
        double sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            RecordValue args = new RecordValue(Map.of("x", NumberValue.of(i)));
            sink += ((NumberValue) f.body().apply(args)).value();
        }
        double us = (System.nanoTime() - start) / 1e3 / CALLS;
        if (sink == 42) {
            System.out.println();
        }
        return us;
    }
}
