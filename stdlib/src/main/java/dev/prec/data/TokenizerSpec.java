package dev.prec.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a text source turns bytes into tokens, as a script says it: {@code bytes()} (the default),
 * {@code bpe(vocab: 512)} (trained on the corpus's training part), or a saved BPE file.
 */
public sealed interface TokenizerSpec {

    /** Byte-level tokens, vocabulary 256. */
    record Bytes() implements TokenizerSpec {}

    /**
     * A BPE tokenizer trained on the training part of the corpus.
     *
     * @param vocab wanted vocabulary size, {@code 256 <= vocab <= 65536}
     */
    record TrainedBpe(int vocab) implements TokenizerSpec {
        /** @throws IllegalArgumentException if {@code vocab} is outside {@code [256, 65536]} */
        public TrainedBpe {
            if (vocab < 256 || vocab > 65536) {
                throw new IllegalArgumentException("bpe: vocab must be between 256 (the byte"
                        + " tokens) and 65536, got " + vocab);
            }
        }
    }

    /**
     * A BPE tokenizer loaded from a file written by {@link BpeTokenizer#save}.
     *
     * @param file the saved tokenizer
     */
    record SavedBpe(Path file) implements TokenizerSpec {
        /** @throws NullPointerException if {@code file} is null */
        public SavedBpe {
            Objects.requireNonNull(file, "file");
        }
    }

    /** Byte-level tokens. */
    static TokenizerSpec bytes() {
        return new Bytes();
    }

    /** BPE trained on the corpus to {@code vocab} tokens. */
    static TokenizerSpec bpe(int vocab) {
        return new TrainedBpe(vocab);
    }

    /** BPE loaded from {@code file}. */
    static TokenizerSpec saved(Path file) {
        return new SavedBpe(file);
    }
}
