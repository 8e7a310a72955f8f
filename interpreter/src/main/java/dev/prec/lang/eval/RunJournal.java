package dev.prec.lang.eval;

import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a session's runs produced, in order, for {@code report}: each action's result with the source
 * that made it, each plot written, each line printed. An accumulator: only the evaluator adds to it.
 */
public final class RunJournal {
    /** Results of train, quantize, fit and optimize, and plot files, in the order made. */
    private final List<Made> made = new ArrayList<>();
    /** Lines {@code print} showed. */
    private final List<String> printed = new ArrayList<>();

    /**
     * A product and what made it.
     *
     * @param source the action or statement, printed canonically ({@code fit kumar2024.training to runs})
     * @param value its result
     */
    public record Made(String source, Value value) {
        public Made {
            if (source == null || value == null) {
                throw new IllegalArgumentException("source and value are required");
            }
        }
    }

    void made(String source, Value value) {
        made.add(new Made(source, value));
    }

    void printed(String line) {
        printed.add(line);
    }

    /** Unmodifiable view, in the order made. */
    public List<Made> made() {
        return Collections.unmodifiableList(made);
    }

    /** Unmodifiable view, in the order printed. */
    public List<String> printed() {
        return Collections.unmodifiableList(printed);
    }
}
