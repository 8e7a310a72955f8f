package dev.prec.lang.bind.train;

import dev.prec.format.Formats;
import dev.prec.format.IntFormat;
import dev.prec.format.NumberFormat;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.GranularityValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RoundingValue;
import dev.prec.model.ModelOptions;
import dev.prec.model.TransformerConfig;
import dev.prec.store.RunSpec;
import dev.prec.train.AdamWConfig;
import dev.prec.train.Schedule;
import dev.prec.train.TrainingSpec;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a run's training spec from its run spec alone, for executors where the script's values
 * are not at hand (a Spark executor receives the spec's JSON). The run spec holds everything that
 * changes a result ({@link ResolvedRun}); {@link #check} proves, on the driver, that the rebuilt
 * spec equals the one the script resolved, so a cluster run trains exactly what a local one would.
 */
final class SpecTraining {

    /** A generic minifloat's name, {@code e<E>m<M>} ({@link Formats#minifloat}). */
    private static final Pattern MINIFLOAT = Pattern.compile("e(\\d+)m(\\d+)");
    /** An integer format's name, {@code int<B>} or {@code int<B>_narrow} ({@link IntFormat#name()}). */
    private static final Pattern INTEGER = Pattern.compile("int(\\d+)(_narrow)?");
    /** A per-group granularity's spelling, {@code per_group(G)}. */
    private static final Pattern GROUP = Pattern.compile("per_group\\((\\d+)\\)");

    private SpecTraining() {
    }

    /**
     * @param spec a run spec written by {@link ResolvedRun#resolve}
     * @return the training spec the run trains with (threads and checkpoint directory set per run)
     * @throws IllegalArgumentException if a field is missing or names something unknown
     */
    static TrainingSpec training(RunSpec spec) {
        Map<String, Object> f = spec.fields();
        Map<?, ?> m = map(f, "model");
        if (!"olmo".equals(m.get("architecture"))) {
            throw new IllegalArgumentException("run " + spec.shortKey() + " has architecture " + m.get("architecture"));
        }
        TransformerConfig config = new TransformerConfig(integer(m, "layers"), integer(m, "width"), integer(m, "heads"),
                number(m, "mlp_ratio"), integer(m, "context"), integer(m, "vocab"), Boolean.TRUE.equals(m.get("tied")),
                ModelOptions.OLMO);
        Map<?, ?> o = map(f, "optimizer");
        AdamWConfig optimizer = new AdamWConfig(number(o, "lr"), number(o, "beta1"), number(o, "beta2"),
                number(o, "eps"), number(o, "weight_decay"), number(o, "grad_clip"));
        Map<?, ?> s = map(f, "schedule");
        Schedule schedule = new Schedule(Schedule.Kind.valueOf(((String) s.get("kind")).toUpperCase(Locale.ROOT)),
                number(s, "warmup"), number(s, "min"), number(s, "decay"));
        Map<?, ?> p = map(f, "precision");
        return ResolvedRun.training(config, optimizer, schedule,
                ResolvedRun.quantization(precision(p), Boolean.TRUE.equals(p.get("queries"))), f);
    }

    /**
     * The precision a spec's {@code precision} field describes.
     *
     * @throws IllegalArgumentException if a format, granularity or rounding is unknown
     */
    static PrecisionValue precision(Map<?, ?> fields) {
        Map<PrecisionValue.Role, QuantValue> parts = new EnumMap<>(PrecisionValue.Role.class);
        for (PrecisionValue.Role role : PrecisionValue.Role.values()) {
            if (fields.get(role.field()) instanceof Map<?, ?> q) {
                parts.put(role, new QuantValue(new FormatValue(format((String) q.get("format"))),
                        granularity((String) q.get("granularity")),
                        new RoundingValue(RoundingValue.Mode.valueOf(((String) q.get("rounding")).toUpperCase(Locale.ROOT)))));
            }
        }
        return new PrecisionValue(parts);
    }

    /**
     * Checks that a resolved run's spec rebuilds into the same training: every setting, and the
     * same precision, from which both build their quantizers the same way.
     *
     * @param run a run resolved from the script
     * @throws IllegalArgumentException if the spec does not rebuild into the same training
     */
    static void check(ResolvedRun run) {
        TrainingSpec rebuilt = training(run.spec()).withQuantization(dev.prec.model.Quantization.NONE);
        TrainingSpec resolved = run.training().withQuantization(dev.prec.model.Quantization.NONE);
        PrecisionValue precision = run.point().get("precision").filter(v -> v instanceof PrecisionValue)
                .map(PrecisionValue.class::cast).orElse(new PrecisionValue(Map.of()));
        PrecisionValue rebuiltPrecision = precision(map(run.spec().fields(), "precision"));
        if (!rebuilt.equals(resolved) || !rebuiltPrecision.parts().equals(precision.parts())) {
            throw new IllegalArgumentException("run " + run.spec().shortKey() + " cannot be rebuilt from its spec on"
                    + " another machine (" + resolved + " with " + precision + " became " + rebuilt + " with "
                    + rebuiltPrecision + ")");
        }
    }

    private static NumberFormat format(String name) {
        Optional<NumberFormat> preset = Formats.find(name);
        if (preset.isPresent()) {
            return preset.get();
        }
        Matcher mini = MINIFLOAT.matcher(name);
        if (mini.matches()) {
            return Formats.minifloat(Integer.parseInt(mini.group(1)), Integer.parseInt(mini.group(2)));
        }
        Matcher integer = INTEGER.matcher(name);
        if (integer.matches()) {
            return new IntFormat(Integer.parseInt(integer.group(1)), integer.group(2) != null);
        }
        throw new IllegalArgumentException("no number format named '" + name + "'");
    }

    private static Optional<GranularityValue> granularity(String spelling) {
        if (spelling.equals("natural")) {
            return Optional.empty();
        }
        Matcher group = GROUP.matcher(spelling);
        if (group.matches()) {
            return Optional.of(new GranularityValue(GranularityValue.Kind.PER_GROUP, Integer.parseInt(group.group(1))));
        }
        return Optional.of(GranularityValue.of(GranularityValue.Kind.valueOf(spelling.toUpperCase(Locale.ROOT))));
    }

    private static Map<?, ?> map(Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("the run spec has no '" + name + "' record");
    }

    private static double number(Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("the run spec has no number '" + name + "'");
    }

    private static int integer(Map<?, ?> fields, String name) {
        return (int) number(fields, name);
    }
}
