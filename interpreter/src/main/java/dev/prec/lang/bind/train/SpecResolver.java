package dev.prec.lang.bind.train;

import dev.prec.data.Dataset;
import dev.prec.lang.engine.DataSources;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import dev.prec.store.RunSpec;
import dev.prec.sweep.TrainerTask;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainer's resolver for runs trained on another machine: serializable (the script's values are
 * not), it rebuilds each run's training from the run spec ({@link SpecTraining}) and opens the
 * data source from its description once per JVM. A text corpus must be at the same path there.
 */
final class SpecResolver implements TrainerTask.Resolver {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The data source's name, {@code synthetic} or {@code text}. */
    private final String source;
    /** Its options: numbers as {@link Double}, strings as {@link String}. */
    private final LinkedHashMap<String, Object> options = new LinkedHashMap<>();
    /** The dataset, opened on first use in this JVM. */
    private transient Dataset opened;

    /**
     * @param data the script's data source
     * @param open the dataset already opened from it on this machine
     * @throws IllegalArgumentException if an option of the source is neither a number nor a string
     */
    SpecResolver(DataValue data, Dataset open) {
        this.source = data.source();
        for (Map.Entry<String, Value> e : data.options().fields().entrySet()) {
            options.put(e.getKey(), switch (e.getValue()) {
                case NumberValue n -> n.value();
                case StringValue s -> s.value();
                default -> throw new IllegalArgumentException("data option " + e.getKey() + " of " + source
                        + " cannot be sent to another machine");
            });
        }
        this.opened = open;
    }

    @Override
    public TrainerTask.Setup resolve(RunSpec spec) {
        return new TrainerTask.Setup(SpecTraining.training(spec), dataset());
    }

    private synchronized Dataset dataset() {
        if (opened == null) {
            Map<String, Value> fields = new LinkedHashMap<>();
            options.forEach((name, v) -> fields.put(name, v instanceof Double d ? NumberValue.of(d) : new StringValue((String) v)));
            opened = DataSources.open(new DataValue(source, new RecordValue(fields)));
        }
        return opened;
    }
}
