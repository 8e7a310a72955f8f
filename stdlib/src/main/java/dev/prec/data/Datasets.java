package dev.prec.data;

/**
 * Factories for every data source, one per script declaration: {@code synthetic(...)} is
 * {@link #markov(MarkovSpec)}, {@code grammar(...)} is {@link #grammar(GrammarSpec)},
 * {@code text(...)} is {@link #text(TextSpec)}. Parameter errors are
 * {@link IllegalArgumentException}s (from the spec records); unusable input files are
 * {@link DataSourceException}s naming the path.
 */
public final class Datasets {

    private Datasets() {}

    /**
     * A Zipf-weighted Markov source with an exact entropy rate.
     *
     * @param spec validated parameters, e.g. {@link MarkovSpec#FIRST_ORDER_64}
     * @return a new source; its stationary distribution is computed on first use
     */
    public static MarkovSource markov(MarkovSpec spec) {
        return new MarkovSource(spec);
    }

    /**
     * A random probabilistic grammar's sentence stream with an exact entropy rate.
     *
     * @param spec validated parameters, e.g. {@link GrammarSpec#DEFAULT}
     * @return a new source
     */
    public static GrammarSource grammar(GrammarSpec spec) {
        return new GrammarSource(spec);
    }

    /**
     * A text corpus as token windows; reads and tokenizes the whole corpus now (and trains the
     * BPE tokenizer, if asked).
     *
     * @param spec the corpus path, tokenizer and seed
     * @return a new source
     * @throws DataSourceException if the corpus or a saved tokenizer is missing, empty or unreadable
     */
    public static TextSource text(TextSpec spec) {
        return new TextSource(spec);
    }
}
