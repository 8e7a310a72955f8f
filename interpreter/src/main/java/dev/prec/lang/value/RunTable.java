package dev.prec.lang.value;

import java.util.List;

/** Finished runs: each row keeps the configuration it ran with beside its results. */
public record RunTable(List<Run> rows) implements Value {

    /**
     * One run.
     *
     * @param config the resolved configuration (model, tokens, precision, seed, ...)
     * @param results what the run produced (loss, wall time, ...)
     */
    public record Run(RecordValue config, RecordValue results) {
        public Run {
            if (config == null || results == null) {
                throw new IllegalArgumentException("config and results are required");
            }
        }

        /** Config and results as one record, results winning on a name clash; what {@code where} sees. */
        public RecordValue fields() {
            return config.with(results);
        }
    }

    public RunTable {
        rows = List.copyOf(rows);
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.RUNS);
    }
}
