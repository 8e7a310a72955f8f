package dev.prec.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-tokenization rule of BPE: text is cut into chunks that merges never cross, so tokens
 * stay within words. A chunk is a run of one byte class (word bytes: ASCII letters, digits and
 * all bytes >= 0x80, so UTF-8 sequences stay whole; whitespace; other punctuation), except that a
 * single space joins the word or punctuation run that follows it (" the"), in the manner of
 * GPT-2's pre-tokenizer. Chunks are at most {@link #MAX_CHUNK} bytes so that long runs (binary
 * files) keep training and encoding linear.
 */
final class Chunks {

    /** Longest chunk in bytes. */
    static final int MAX_CHUNK = 64;

    private static final int WORD = 0;
    private static final int SPACE = 1;
    private static final int OTHER = 2;

    private Chunks() {}

    /**
     * Chunk boundaries of {@code bytes}: chunk {@code i} is {@code [starts[i], starts[i + 1])},
     * the last ending at {@code bytes.length}.
     *
     * @return start offsets in increasing order, empty for empty input
     */
    static int[] starts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (i == 0) {
                starts.add(0);
                continue;
            }
            int previous = classOf(bytes[i - 1]);
            int current = classOf(bytes[i]);
            boolean leadingSpace = i - start == 1 && bytes[start] == ' ' && current != SPACE;
            if (i - start == MAX_CHUNK || (current != previous && !leadingSpace)) {
                start = i;
                starts.add(i);
            }
        }
        int[] out = new int[starts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = starts.get(i);
        }
        return out;
    }

    private static int classOf(byte b) {
        int v = b & 0xFF;
        if (v >= 0x80 || Character.isLetterOrDigit(v)) {
            return WORD;
        }
        return Character.isWhitespace(v) ? SPACE : OTHER;
    }
}
