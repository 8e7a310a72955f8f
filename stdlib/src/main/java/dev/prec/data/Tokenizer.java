package dev.prec.data;

/**
 * Turns bytes into token ids and back. Implementations are immutable and thread-safe.
 *
 * <p>Round trip: {@code decode(encode(bytes))} equals {@code bytes} for every byte array.
 */
public sealed interface Tokenizer permits ByteTokenizer, BpeTokenizer {

    /** Number of token ids; every id {@link #encode} returns is in {@code [0, vocabSize())}. */
    int vocabSize();

    /**
     * Tokenizes bytes.
     *
     * @param bytes any bytes (text is taken as its UTF-8 or other encoding, byte for byte)
     * @return token ids, in order
     */
    int[] encode(byte[] bytes);

    /**
     * The bytes of a token sequence.
     *
     * @param tokens ids in {@code [0, vocabSize())}
     * @throws IllegalArgumentException if an id is outside {@code [0, vocabSize())}
     */
    byte[] decode(int[] tokens);

    /** A stable hash of everything that determines this tokenizer's output. */
    String fingerprint();
}
