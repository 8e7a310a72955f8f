package dev.prec.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Parameters of a text source ({@link TextSource}), as a script declares them:
 * {@code text("corpus/", tokenizer: bpe(vocab: 512))}.
 *
 * @param path a file, or a folder whose files (recursively, hidden ones excluded) form the corpus
 * @param tokenizer how bytes become tokens
 * @param seed seed of the training windows, any value
 */
public record TextSpec(Path path, TokenizerSpec tokenizer, long seed) {

    /** @throws NullPointerException if {@code path} or {@code tokenizer} is null */
    public TextSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** Byte-level tokens of the files at {@code path}, seed 0. */
    public static TextSpec bytes(Path path) {
        return new TextSpec(path, TokenizerSpec.bytes(), 0);
    }

    /** This spec with another tokenizer. */
    public TextSpec withTokenizer(TokenizerSpec newTokenizer) {
        return new TextSpec(path, newTokenizer, seed);
    }

    /** This spec with another seed. */
    public TextSpec withSeed(long newSeed) {
        return new TextSpec(path, tokenizer, newSeed);
    }
}
