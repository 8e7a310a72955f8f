package dev.prec.lang.engine;

import dev.prec.data.Dataset;
import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.data.TextSpec;
import dev.prec.data.TokenizerSpec;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import java.nio.file.Path;

/**
 * The data library's sources behind a script's {@code synthetic(...)} and {@code text(...)}: what a
 * trainer engine calls to turn a {@link DataValue} into token batches.
 */
public final class DataSources {
    private DataSources() {
    }

    /**
     * The dataset {@code data} describes.
     *
     * @throws IllegalArgumentException if its parameters are out of range (the message says which)
     * @throws dev.prec.data.DataSourceException if a text corpus cannot be read
     */
    public static Dataset open(DataValue data) {
        return switch (data.source()) {
            case "synthetic" -> Datasets.markov(markov(data));
            case "text" -> Datasets.text(text(data));
            default -> throw new IllegalArgumentException("no data source '" + data.source() + "'");
        };
    }

    /**
     * The Markov source of {@code synthetic(vocab, order, zipf, branching, seed)}; a branching of 0
     * means every token may follow.
     *
     * @throws IllegalArgumentException if a parameter is outside {@link MarkovSpec}'s ranges
     */
    public static MarkovSpec markov(DataValue data) {
        int vocab = (int) number(data, "vocab");
        int branching = (int) number(data, "branching");
        return new MarkovSpec(vocab, (int) number(data, "order"), number(data, "zipf"),
                branching == 0 ? vocab : branching, (long) number(data, "seed"));
    }

    /**
     * The text source of {@code text(path, bpe, seed)}: byte tokens when {@code bpe} is 0, else a BPE
     * tokenizer of that vocabulary trained on the corpus.
     *
     * @throws IllegalArgumentException if the BPE vocabulary is out of range
     */
    public static TextSpec text(DataValue data) {
        int bpe = (int) number(data, "bpe");
        TokenizerSpec tokenizer = bpe == 0 ? TokenizerSpec.bytes() : new TokenizerSpec.TrainedBpe(bpe);
        Value path = data.options().get("path").orElseThrow(() -> new IllegalArgumentException("text needs a path"));
        return new TextSpec(Path.of(((StringValue) path).value()), tokenizer, (long) number(data, "seed"));
    }

    private static double number(DataValue data, String field) {
        if (data.options().get(field).orElse(null) instanceof NumberValue n) {
            return n.value();
        }
        throw new IllegalArgumentException(data.source() + " needs a number for '" + field + "'");
    }
}
