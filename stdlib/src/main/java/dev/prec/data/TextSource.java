package dev.prec.data;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Token windows from a text corpus ({@link TextSpec}): byte-level tokens by default, or BPE.
 *
 * <p><b>Split.</b> {@link Corpus}'s fixed rule: the last 5% (rounded up) of each file's bytes are
 * validation. Each part of each file is tokenized on its own (a BPE token never straddles the
 * split or two files), a trained BPE sees only the training parts, and the parts are concatenated
 * in file order into one training and one validation token stream (windows may cross from one
 * file into the next).
 *
 * <p><b>Training windows.</b> Sequence {@code n} is the window of {@code context + 1} tokens
 * starting at a uniform offset drawn from the counter-based stream keyed by
 * {@code (seed, train, n)}: random, yet a pure function of {@code n}, so runs are reproducible and
 * resumable.
 *
 * <p><b>Validation windows.</b> Sequence {@code n} is window {@code n mod W} of the validation
 * stream cut at stride {@code context} (window {@code w} starts at token {@code w * context}, so
 * consecutive windows share one token and every token after the first is predicted exactly once
 * per cycle); {@link #validationWindows(int)} gives W, so that evaluating
 * {@code ceil(W / batch)} batches covers the held-out data.
 *
 * <p>Immutable and thread-safe: batches may be filled concurrently.
 */
public final class TextSource implements Dataset {

    /** Version of the windowing procedure, part of the fingerprint. */
    private static final String VERSION = "text-v1";

    /** The parameters. */
    private final TextSpec spec;
    /** The tokenizer in use. */
    private final Tokenizer tokenizer;
    /** Training token stream; char holds ids up to 65535. */
    private final char[] train;
    /** Validation token stream. */
    private final char[] validation;
    /** Fingerprint of contents, tokenizer, split rule and seed. */
    private final String fingerprint;

    /**
     * Reads the corpus, trains or loads the tokenizer, and tokenizes both parts.
     *
     * @param spec the source parameters
     * @throws DataSourceException if the corpus or a saved tokenizer is missing, empty or unreadable
     */
    public TextSource(TextSpec spec) {
        this.spec = spec;
        Corpus corpus = Corpus.read(spec.path());
        List<byte[]> trainingParts = corpus.trainingParts();
        this.tokenizer = switch (spec.tokenizer()) {
            case TokenizerSpec.Bytes b -> new ByteTokenizer();
            case TokenizerSpec.TrainedBpe bpe -> BpeTrainer.train(trainingParts, bpe.vocab());
            case TokenizerSpec.SavedBpe saved -> BpeTokenizer.load(saved.file());
        };
        this.train = tokenize(trainingParts);
        this.validation = tokenize(corpus.validationParts());
        ContentHash hash = new ContentHash().add(VERSION).add(Corpus.SPLIT_RULE)
                .add(tokenizer.fingerprint()).add(spec.seed());
        for (int i = 0; i < corpus.names().size(); i++) {
            hash.add(corpus.names().get(i)).add(corpus.contents().get(i));
        }
        this.fingerprint = hash.finish("text");
    }

    private char[] tokenize(List<byte[]> parts) {
        int[][] encoded = new int[parts.size()][];
        int total = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = tokenizer.encode(parts.get(i));
            total += encoded[i].length;
        }
        char[] stream = new char[total];
        int at = 0;
        for (int[] part : encoded) {
            for (int token : part) {
                stream[at++] = (char) token;
            }
        }
        return stream;
    }

    /** The tokenizer in use (a trained BPE can be saved with {@link BpeTokenizer#save}). */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Number of tokens in the training stream. */
    public int trainingTokens() {
        return train.length;
    }

    /** Number of tokens in the validation stream. */
    public int validationTokens() {
        return validation.length;
    }

    /**
     * Number of distinct validation windows at this context, W in the class comment.
     *
     * @param context tokens the model reads, {@code context >= 1}
     * @return W, 0 when the validation stream is shorter than {@code context + 1}
     */
    public int validationWindows(int context) {
        if (context < 1) {
            throw new IllegalArgumentException("context must be >= 1 token, got " + context);
        }
        return validation.length < context + 1 ? 0 : (validation.length - 1 - context) / context + 1;
    }

    @Override
    public int vocabSize() {
        return tokenizer.vocabSize();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if the training stream has fewer than
     *     {@code context + 1} tokens
     */
    @Override
    public void trainBatch(long step, int batch, int context, int[] out) {
        BatchLayout.check(step, batch, context, out);
        if (train.length < context + 1) {
            throw new IllegalArgumentException("text source " + spec.path() + ": the training part"
                    + " has " + train.length + " tokens, fewer than context + 1 = " + (context + 1)
                    + "; use a larger corpus or a shorter context");
        }
        long first = BatchLayout.firstSequence(step, batch);
        long starts = train.length - context;
        for (int b = 0; b < batch; b++) {
            CounterRng rng = new CounterRng(CounterRng.key(spec.seed(), Streams.TRAIN, first + b));
            copyWindow(train, (int) rng.nextLong(starts), context + 1, out, b * (context + 1));
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if the validation stream has fewer than
     *     {@code context + 1} tokens
     */
    @Override
    public void validationBatch(int index, int batch, int context, int[] out) {
        BatchLayout.check(index, batch, context, out);
        int windows = validationWindows(context);
        if (windows == 0) {
            throw new IllegalArgumentException("text source " + spec.path() + ": the validation part"
                    + " (last 5% of each file) has " + validation.length + " tokens, fewer than"
                    + " context + 1 = " + (context + 1) + "; use a larger corpus or a shorter context");
        }
        long first = BatchLayout.firstSequence(index, batch);
        for (int b = 0; b < batch; b++) {
            int window = (int) ((first + b) % windows);
            copyWindow(validation, window * context, context + 1, out, b * (context + 1));
        }
    }

    private static void copyWindow(char[] stream, int start, int length, int[] out, int offset) {
        for (int i = 0; i < length; i++) {
            out[offset + i] = stream[start + i];
        }
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** Empty: the entropy rate of real text is unknown. */
    @Override
    public OptionalDouble entropyRate() {
        return OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return "TextSource[" + spec.path() + ", " + tokenizer.vocabSize() + " tokens, "
                + train.length + " train / " + validation.length + " validation]";
    }
}
