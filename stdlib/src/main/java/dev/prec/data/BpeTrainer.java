package dev.prec.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns byte-level BPE merges from a corpus. Deterministic: the merge chosen at each step is the
 * adjacent pair with the highest count (occurrences within chunks, weighted by how often the chunk
 * occurs; overlapping occurrences such as the two in "aaa" both count), ties broken by the
 * smaller left token, then the smaller right token.
 *
 * <p>Training works on distinct chunks ({@link Chunks}) with their frequencies and updates pair
 * counts only in the chunks that contain the merged pair, keeping a priority queue with lazily
 * discarded stale entries; its result equals recounting every pair before each merge.
 */
public final class BpeTrainer {

    private BpeTrainer() {}

    /**
     * Learns merges until the vocabulary has {@code vocab} tokens or no pair occurs twice.
     *
     * @param documents texts whose chunks are counted; merges never cross document boundaries
     * @param vocab wanted vocabulary size including the 256 byte tokens,
     *     {@code 256 <= vocab <= 65536}; the result has fewer tokens when the corpus runs out of
     *     repeated pairs
     * @return the tokenizer with the learned merges
     * @throws IllegalArgumentException if {@code vocab} is outside {@code [256, 65536]}
     */
    public static BpeTokenizer train(List<byte[]> documents, int vocab) {
        if (vocab < 256 || vocab > 65536) {
            throw new IllegalArgumentException(
                    "bpe: vocab must be between 256 and 65536, got " + vocab);
        }
        Map<ByteBuffer, Long> chunkCounts = new HashMap<>();
        for (byte[] document : documents) {
            int[] starts = Chunks.starts(document);
            for (int c = 0; c < starts.length; c++) {
                int end = c + 1 < starts.length ? starts[c + 1] : document.length;
                ByteBuffer chunk = ByteBuffer.wrap(Arrays.copyOfRange(document, starts[c], end));
                chunkCounts.merge(chunk, 1L, Long::sum);
            }
        }
        int n = chunkCounts.size();
        int[][] words = new int[n][];
        long[] freq = new long[n];
        int w = 0;
        for (Map.Entry<ByteBuffer, Long> e : chunkCounts.entrySet()) {
            byte[] bytes = e.getKey().array();
            words[w] = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                words[w][i] = bytes[i] & 0xFF;
            }
            freq[w++] = e.getValue();
        }
        return new BpeTokenizer(learn(words, freq, vocab - 256));
    }

    /** The merge loop over distinct chunks {@code words} with frequencies {@code freq}. */
    private static List<int[]> learn(int[][] words, long[] freq, int wanted) {
        Map<Long, Long> pairCount = new HashMap<>();
        Map<Long, Set<Integer>> wordsWithPair = new HashMap<>();
        for (int w = 0; w < words.length; w++) {
            addPairs(words[w], freq[w], pairCount, null);
            for (int i = 0; i + 1 < words[w].length; i++) {
                wordsWithPair.computeIfAbsent(BpeTokenizer.key(words[w][i], words[w][i + 1]),
                        k -> new HashSet<>()).add(w);
            }
        }
        // Entries {count, pair}: highest count first, then the smaller pair key.
        PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0]
                ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]));
        pairCount.forEach((pair, count) -> queue.add(new long[] {count, pair}));
        List<int[]> merges = new ArrayList<>();
        while (merges.size() < wanted && !queue.isEmpty()) {
            long[] top = queue.poll();
            long current = pairCount.getOrDefault(top[1], 0L);
            if (current != top[0]) {
                continue;
            }
            if (current < 2) {
                break;
            }
            int a = (int) (top[1] >>> 32);
            int b = (int) top[1];
            int merged = 256 + merges.size();
            merges.add(new int[] {a, b});
            Set<Long> changed = new HashSet<>();
            for (int w : wordsWithPair.getOrDefault(top[1], Set.of())) {
                int[] word = words[w];
                addPairs(word, -freq[w], pairCount, changed);
                int[] next = word.clone();
                next = Arrays.copyOf(next, applyMerge(next, next.length, a, b, merged));
                addPairs(next, freq[w], pairCount, changed);
                for (int i = 0; i + 1 < next.length; i++) {
                    wordsWithPair.computeIfAbsent(BpeTokenizer.key(next[i], next[i + 1]),
                            k -> new HashSet<>()).add(w);
                }
                words[w] = next;
            }
            wordsWithPair.remove(top[1]);
            for (long pair : changed) {
                long count = pairCount.getOrDefault(pair, 0L);
                if (count > 0) {
                    queue.add(new long[] {count, pair});
                } else {
                    pairCount.remove(pair);
                }
            }
        }
        return merges;
    }

    /** Adds {@code weight} to the count of every adjacent pair of {@code word}. */
    private static void addPairs(int[] word, long weight, Map<Long, Long> pairCount,
            Set<Long> changed) {
        for (int i = 0; i + 1 < word.length; i++) {
            long pair = BpeTokenizer.key(word[i], word[i + 1]);
            pairCount.merge(pair, weight, Long::sum);
            if (changed != null) {
                changed.add(pair);
            }
        }
    }

    /**
     * Replaces, left to right, each occurrence of {@code (a, b)} in {@code tokens[0, size)} by
     * {@code merged}, in place.
     *
     * @return the new size
     */
    static int applyMerge(int[] tokens, int size, int a, int b, int merged) {
        int out = 0;
        for (int i = 0; i < size; i++) {
            if (i + 1 < size && tokens[i] == a && tokens[i + 1] == b) {
                tokens[out++] = merged;
                i++;
            } else {
                tokens[out++] = tokens[i];
            }
        }
        return out;
    }
}
