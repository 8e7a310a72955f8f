package dev.prec.lang.bind.plot;

import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import dev.prec.law.Evaluation;
import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test inputs: the stdlib's published laws as language values, and runs observed from them with noise. */
final class Laws {
    private Laws() {
    }

    static LawValue published(String name) {
        Law law = LawRegistry.get(name);
        Map<String, Double> values = law.atPublished().values();
        List<LawValue.Param> params = law.parameterNames().stream()
                .map(p -> new LawValue.Param(p, -1e300, 1e300)).toList();
        LawValue.Form form = (vars, ps) -> switch (law.at(ps).evaluate(vars)) {
            case Evaluation.Value v -> v.loss();
            case Evaluation.OutsideDomain o -> Double.NaN;
        };
        return new LawValue(name, law.variables(), params, form, values);
    }

    /** A sweep over N, D and one shared training precision, loss from {@code law} plus N(0, noise). */
    static RunTable runs(LawValue law, double noise, long seed) {
        Random r = new Random(seed);
        List<RunTable.Run> rows = new ArrayList<>();
        for (double bits : new double[] {4, 8, 16}) {
            for (double n : new double[] {3e7, 1e8, 3e8, 1e9}) {
                for (double d : new double[] {2e9, 2e10}) {
                    Map<String, Value> config = new LinkedHashMap<>();
                    Map<String, Double> vars = new LinkedHashMap<>();
                    config.put("N", new NumberValue(n, Unit.PARAMS));
                    config.put("D", new NumberValue(d, Unit.TOKENS));
                    vars.put("N", n);
                    vars.put("D", d);
                    for (String v : law.variables()) {
                        if (v.startsWith("P")) {
                            config.put(v, new NumberValue(bits, Unit.BITS));
                            vars.put(v, bits);
                        }
                    }
                    double loss = law.form().loss(vars, law.values()) + noise * r.nextGaussian();
                    rows.add(new RunTable.Run(new RecordValue(config),
                            new RecordValue(Map.of("loss", NumberValue.of(loss)))));
                }
            }
        }
        return new RunTable(rows);
    }

    /** Runs whose results hold a training curve and a validation curve. */
    static RunTable curves() {
        List<RunTable.Run> rows = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            List<Value> train = new ArrayList<>();
            List<Value> val = new ArrayList<>();
            for (int step = 1; step <= 200; step++) {
                train.add(NumberValue.of(2 + 3.0 / Math.sqrt(step) + 0.1 * run));
                if (step % 20 == 0) {
                    val.add(NumberValue.of(2.05 + 3.0 / Math.sqrt(step) + 0.1 * run));
                }
            }
            rows.add(new RunTable.Run(new RecordValue(Map.of("N", NumberValue.of(1e6 * (run + 1)))),
                    new RecordValue(Map.of("curve", new ListValue(train), "val_losses", new ListValue(val)))));
        }
        return new RunTable(rows);
    }
}
