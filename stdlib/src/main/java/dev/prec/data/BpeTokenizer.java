package dev.prec.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-level byte-pair encoding (Sennrich, Haddow and Birch, "Neural machine translation of rare
 * words with subword units", ACL 2016; byte-level as in GPT-2): tokens 0..255 are bytes, token
 * {@code 256 + i} is merge {@code i} of two earlier tokens. Immutable, thread-safe.
 *
 * <p>Encoding cuts the bytes into {@link Chunks} and, within each chunk, repeatedly merges every
 * occurrence (left to right) of the adjacent pair whose merge was learned earliest, until no
 * learned pair remains. Made by {@link BpeTrainer}, or loaded from the text format of
 * {@link #save}: a header line {@code prec-bpe 1}, a line {@code merges N}, then N lines
 * {@code left right} (decimal token ids, merge {@code i} on line {@code i}).
 */
public final class BpeTokenizer implements Tokenizer {

    /** First line of the saved format. */
    static final String HEADER = "prec-bpe 1";

    /** Left token of merge i. */
    private final int[] left;
    /** Right token of merge i. */
    private final int[] right;
    /** Merge index of a pair key {@code left << 32 | right}. */
    private final Map<Long, Integer> rankOfPair;
    /** Bytes of every token, {@code [token]}. */
    private final byte[][] pieces;

    /**
     * A tokenizer from its merges, in learning order.
     *
     * @param merges pairs {@code {left, right}}; merge {@code i} may use tokens below {@code 256 + i}
     * @throws IllegalArgumentException if a merge refers to a token not yet defined, repeats an
     *     earlier pair, or there are more than {@code 65536 - 256} merges
     */
    public BpeTokenizer(List<int[]> merges) {
        if (merges.size() > 65536 - 256) {
            throw new IllegalArgumentException("BPE: at most " + (65536 - 256) + " merges, got "
                    + merges.size());
        }
        int n = merges.size();
        left = new int[n];
        right = new int[n];
        rankOfPair = new HashMap<>();
        pieces = new byte[256 + n][];
        for (int b = 0; b < 256; b++) {
            pieces[b] = new byte[] {(byte) b};
        }
        for (int i = 0; i < n; i++) {
            int[] pair = merges.get(i);
            int limit = 256 + i;
            if (pair.length != 2 || pair[0] < 0 || pair[0] >= limit || pair[1] < 0 || pair[1] >= limit) {
                throw new IllegalArgumentException("BPE: merge " + i + " " + Arrays.toString(pair)
                        + " must join two tokens below " + limit);
            }
            left[i] = pair[0];
            right[i] = pair[1];
            if (rankOfPair.putIfAbsent(key(pair[0], pair[1]), i) != null) {
                throw new IllegalArgumentException("BPE: merge " + i + " repeats the pair "
                        + Arrays.toString(pair));
            }
            byte[] a = pieces[pair[0]];
            byte[] b = pieces[pair[1]];
            byte[] joined = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            pieces[limit] = joined;
        }
    }

    static long key(int leftToken, int rightToken) {
        return ((long) leftToken << 32) | rightToken;
    }

    /** Number of learned merges. */
    public int merges() {
        return left.length;
    }

    /** Merge {@code i} as {@code {left, right}}. */
    public int[] merge(int i) {
        return new int[] {left[i], right[i]};
    }

    @Override
    public int vocabSize() {
        return 256 + left.length;
    }

    @Override
    public int[] encode(byte[] bytes) {
        int[] starts = Chunks.starts(bytes);
        Map<ByteBuffer, int[]> memo = new HashMap<>();
        int[] out = new int[bytes.length];
        int size = 0;
        for (int c = 0; c < starts.length; c++) {
            int end = c + 1 < starts.length ? starts[c + 1] : bytes.length;
            ByteBuffer chunk = ByteBuffer.wrap(Arrays.copyOfRange(bytes, starts[c], end));
            int[] tokens = memo.computeIfAbsent(chunk, k -> encodeChunk(k.array()));
            System.arraycopy(tokens, 0, out, size, tokens.length);
            size += tokens.length;
        }
        return Arrays.copyOf(out, size);
    }

    /** Applies merges to one chunk, earliest-learned pair first; O(length^2) per chunk. */
    private int[] encodeChunk(byte[] chunk) {
        int[] tokens = new int[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
            tokens[i] = chunk[i] & 0xFF;
        }
        int size = tokens.length;
        while (size > 1) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < size; i++) {
                Integer rank = rankOfPair.get(key(tokens[i], tokens[i + 1]));
                if (rank != null && rank < best) {
                    best = rank;
                }
            }
            if (best == Integer.MAX_VALUE) {
                break;
            }
            size = BpeTrainer.applyMerge(tokens, size, left[best], right[best], 256 + best);
        }
        return Arrays.copyOf(tokens, size);
    }

    @Override
    public byte[] decode(int[] tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= pieces.length) {
                throw new IllegalArgumentException("BPE token must be in [0, " + pieces.length
                        + "), got " + tokens[i] + " at " + i);
            }
            out.writeBytes(pieces[tokens[i]]);
        }
        return out.toByteArray();
    }

    @Override
    public String fingerprint() {
        ContentHash hash = new ContentHash().add(HEADER).add(left.length);
        for (int i = 0; i < left.length; i++) {
            hash.add(left[i]).add(right[i]);
        }
        return hash.finish("bpe");
    }

    /**
     * Writes the merges in the text format of the class comment.
     *
     * @param file destination, overwritten
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save(Path file) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("merges ").append(left.length).append('\n');
        for (int i = 0; i < left.length; i++) {
            text.append(left[i]).append(' ').append(right[i]).append('\n');
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write BPE tokenizer to " + file, e);
        }
    }

    /**
     * Reads a tokenizer saved by {@link #save}.
     *
     * @param file the saved tokenizer
     * @throws DataSourceException if the file is missing, unreadable or not in the format
     */
    public static BpeTokenizer load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataSourceException(file, "cannot read BPE tokenizer " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check the path, or train one with bpe(vocab: N)");
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("merges ")) {
            throw new DataSourceException(file, "BPE tokenizer " + file + " does not start with '"
                    + HEADER + "' and a 'merges N' line; it was not written by prec");
        }
        try {
            int n = Integer.parseInt(lines.get(1).substring("merges ".length()).trim());
            if (lines.size() < 2 + n) {
                throw new DataSourceException(file, "BPE tokenizer " + file + " declares " + n
                        + " merges but has " + (lines.size() - 2) + "; the file is truncated");
            }
            List<int[]> merges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] parts = lines.get(2 + i).trim().split(" ");
                if (parts.length != 2) {
                    throw new NumberFormatException("line " + (3 + i) + " is not 'left right'");
                }
                merges.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
            }
            return new BpeTokenizer(merges);
        } catch (IllegalArgumentException e) {
            // NumberFormatException included; the merges' own validation too.
            throw new DataSourceException(file, "BPE tokenizer " + file + " is malformed: "
                    + e.getMessage());
        }
    }
}
