package dev.prec.lang.builtin;

import dev.prec.lang.engine.Capability;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.GranularityValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RoundingValue;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The table of built-in functions and constants; immutable, shared by every pipeline. */
public final class Builtins {

    /**
     * The paper's laws and their named variants, reachable as {@code kumar2024.training},
     * {@code kumar2024.weights_no_offsets} and so on: script field name to the law registry's name
     * ({@code dev.prec.law.LawRegistry}). A registry suffix's {@code .} and {@code -} become
     * {@code _} in the field name, since a field name is a plain name.
     */
    public static final Map<String, String> KUMAR_LAWS = kumarLawNames(List.of("training", "training.untied",
            "training.no-offsets", "weights", "weights.no-offsets", "fp-weights", "ptq", "ptq.no-b", "unified",
            "unified.no-b"));

    private static final Map<String, Builtin> FUNCTIONS;
    private static final Map<String, Constant> CONSTANTS;

    static {
        Map<String, Builtin> f = new TreeMap<>();
        for (Builtin b : MathBuiltins.all()) {
            f.put(b.name(), b);
        }
        for (Builtin b : ScienceBuiltins.all()) {
            f.put(b.name(), b);
        }
        for (Builtin b : dev.prec.lang.guest.GuestBuiltins.all()) {
            f.put(b.name(), b);
        }
        FUNCTIONS = Collections.unmodifiableMap(f);

        Map<String, Constant> c = new TreeMap<>();
        for (String name : FormatValue.presetNames()) {
            FormatValue v = FormatValue.preset(name).orElseThrow();
            c.put(name, Constant.of(name, v, "the " + v.bits() + "-bit format " + name));
        }
        for (GranularityValue.Kind k : List.of(GranularityValue.Kind.PER_TENSOR, GranularityValue.Kind.PER_CHANNEL,
                GranularityValue.Kind.PER_TOKEN)) {
            GranularityValue g = GranularityValue.of(k);
            c.put(g.spelling(), Constant.of(g.spelling(), g, "one quantization scale " + g.spelling().replace('_', ' ')));
        }
        c.put("nearest", Constant.of("nearest", RoundingValue.NEAREST, "round to nearest, ties to even"));
        c.put("stochastic", Constant.of("stochastic", RoundingValue.STOCHASTIC, "stochastic rounding"));
        c.put("pi", Constant.of("pi", NumberValue.of(Math.PI), "the circle constant"));
        Map<String, Type> lawFields = new LinkedHashMap<>();
        KUMAR_LAWS.keySet().forEach(n -> lawFields.put(n, Type.of(Type.Kind.LAW)));
        c.put("kumar2024", new Constant("kumar2024", new Type.Rec(lawFields),
                "the laws of Kumar et al. 2024 with their published constants", Optional.of(Capability.LAWS),
                Builtins::kumarLaws));
        CONSTANTS = Collections.unmodifiableMap(c);
    }

    private Builtins() {
    }

    public static Optional<Builtin> function(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    public static Optional<Constant> constant(String name) {
        return Optional.ofNullable(CONSTANTS.get(name));
    }

    /** Every built-in function, by name. */
    public static Map<String, Builtin> functions() {
        return FUNCTIONS;
    }

    /** Every built-in constant, by name. */
    public static Map<String, Constant> constants() {
        return CONSTANTS;
    }

    /** Every built-in name, functions and constants, for suggestions and completion. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(FUNCTIONS.keySet());
        all.addAll(CONSTANTS.keySet());
        return all;
    }

    private static Map<String, String> kumarLawNames(List<String> registrySuffixes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String suffix : registrySuffixes) {
            m.put(suffix.replace('.', '_').replace('-', '_'), "kumar2024." + suffix);
        }
        return Collections.unmodifiableMap(m);
    }

    private static Value kumarLaws(CallContext context) {
        Map<String, Value> laws = new LinkedHashMap<>();
        for (Map.Entry<String, String> law : KUMAR_LAWS.entrySet()) {
            String full = law.getValue();
            laws.put(law.getKey(), context.engines().laws().flatMap(l -> l.law(full, RecordValue.EMPTY))
                    .orElseThrow(() -> new IllegalArgumentException("the law catalog has no law '" + full + "'")));
        }
        return new RecordValue(laws);
    }
}
