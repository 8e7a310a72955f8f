package dev.prec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTest {

    /** Pseudo-English: words drawn with Zipf-like frequencies, spaces and some punctuation. */
    static byte[] sampleText(long seed, int words) {
        String[] vocabulary = {"the", "cat", "sat", "on", "mat", "and", "then", "ran", "to", "a",
            "house", "where", "dogs", "sleep", "quietly", "über", "naïve", "ok", "precision", "law"};
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int rank = (int) Math.min(vocabulary.length - 1, Math.abs(random.nextGaussian()) * 6);
            text.append(vocabulary[rank]);
            text.append(random.nextInt(12) == 0 ? ", " : random.nextInt(20) == 0 ? ".\n" : " ");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reference trainer: recount every pair of every chunk before each merge. */
    private static List<int[]> naiveMerges(List<byte[]> documents, int wanted) {
        List<int[]> words = new ArrayList<>();
        for (byte[] d : documents) {
            int[] starts = Chunks.starts(d);
            for (int c = 0; c < starts.length; c++) {
                int end = c + 1 < starts.length ? starts[c + 1] : d.length;
                int[] w = new int[end - starts[c]];
                for (int i = 0; i < w.length; i++) {
                    w[i] = d[starts[c] + i] & 0xFF;
                }
                words.add(w);
            }
        }
        List<int[]> merges = new ArrayList<>();
        while (merges.size() < wanted) {
            java.util.TreeMap<Long, Long> counts = new java.util.TreeMap<>();
            for (int[] w : words) {
                for (int i = 0; i + 1 < w.length; i++) {
                    counts.merge(((long) w[i] << 32) | w[i + 1], 1L, Long::sum);
                }
            }
            long bestPair = -1;
            long bestCount = 1;
            for (var e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    bestCount = e.getValue();
                    bestPair = e.getKey();
                }
            }
            if (bestPair < 0) {
                break;
            }
            int a = (int) (bestPair >>> 32);
            int b = (int) bestPair;
            int merged = 256 + merges.size();
            merges.add(new int[] {a, b});
            for (int k = 0; k < words.size(); k++) {
                int[] w = words.get(k);
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < w.length; i++) {
                    if (i + 1 < w.length && w[i] == a && w[i + 1] == b) {
                        out.add(merged);
                        i++;
                    } else {
                        out.add(w[i]);
                    }
                }
                words.set(k, out.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return merges;
    }

    @Test
    void incrementalTrainingLearnsTheSameMergesAsRecountingEveryStep() {
        StringBuilder letters = new StringBuilder();
        Random random = new Random(10);
        for (int i = 0; i < 4000; i++) {
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                letters.append((char) ('a' + random.nextInt(8)));
            }
            letters.append(' ');
        }
        List<byte[]> documents = List.of(sampleText(1, 3000), sampleText(2, 1500),
                "aaaa aaa".getBytes(), letters.toString().getBytes());
        BpeTokenizer bpe = BpeTrainer.train(documents, 700);
        List<int[]> expected = naiveMerges(documents, 700 - 256);
        assertTrue(expected.size() > 300, "corpus too poor: " + expected.size() + " merges");
        assertEquals(expected.size(), bpe.merges());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), bpe.merge(i), "merge " + i);
        }
    }

    @Test
    void tiesGoToTheSmallerLeftThenRightToken() {
        List<byte[]> documents = List.of("cd".getBytes(), "ab".getBytes(), "cd".getBytes(),
                "ab".getBytes(), "ac".getBytes(), "ac".getBytes());
        BpeTokenizer bpe = BpeTrainer.train(documents, 300);
        assertEquals(3, bpe.merges());
        assertArrayEquals(new int[] {'a', 'b'}, bpe.merge(0));
        assertArrayEquals(new int[] {'a', 'c'}, bpe.merge(1));
        assertArrayEquals(new int[] {'c', 'd'}, bpe.merge(2));
    }

    @Test
    void trainingStopsWhenNoPairOccursTwice() {
        BpeTokenizer bpe = BpeTrainer.train(List.of("abab".getBytes()), 1000);
        assertEquals(257, bpe.vocabSize());
    }

    @Test
    void encodeThenDecodeGivesBackAnyBytes() {
        BpeTokenizer bpe = BpeTrainer.train(List.of(sampleText(3, 4000)), 320);
        assertEquals(320, bpe.vocabSize());
        byte[] text = sampleText(4, 2000);
        int[] tokens = bpe.encode(text);
        assertArrayEquals(text, bpe.decode(tokens));
        assertTrue(tokens.length < text.length / 2, tokens.length + " tokens for " + text.length);
        Random random = new Random(5);
        for (int n : new int[] {0, 1, 2, 63, 64, 65, 1000}) {
            byte[] noise = new byte[n];
            random.nextBytes(noise);
            assertArrayEquals(noise, bpe.decode(bpe.encode(noise)), "random bytes of length " + n);
        }
        for (int token : tokens) {
            assertTrue(token >= 0 && token < bpe.vocabSize());
        }
    }

    @Test
    void savedTokenizerLoadsAndEncodesIdentically(@TempDir Path dir) {
        BpeTokenizer bpe = BpeTrainer.train(List.of(sampleText(6, 2000)), 330);
        Path file = dir.resolve("tok.bpe");
        bpe.save(file);
        BpeTokenizer loaded = BpeTokenizer.load(file);
        byte[] text = sampleText(7, 500);
        assertArrayEquals(bpe.encode(text), loaded.encode(text));
        assertEquals(bpe.fingerprint(), loaded.fingerprint());
    }

    @Test
    void trainingTwiceGivesTheSameTokenizer() {
        List<byte[]> docs = List.of(sampleText(8, 2000));
        assertEquals(BpeTrainer.train(docs, 400).fingerprint(), BpeTrainer.train(docs, 400).fingerprint());
    }

    @Test
    void loadingAMissingOrMalformedFileNamesIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.bpe");
        DataSourceException e = assertThrows(DataSourceException.class, () -> BpeTokenizer.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(missing, e.path());
        Path bad = dir.resolve("bad.bpe");
        Files.writeString(bad, "prec-bpe 1\nmerges 2\n97 98\n300 1\n");
        String message = assertThrows(DataSourceException.class, () -> BpeTokenizer.load(bad)).getMessage();
        assertTrue(message.contains(bad.toString()) && message.contains("merge 1"), message);
        Path foreign = dir.resolve("foreign.json");
        Files.writeString(foreign, "{\"merges\": []}");
        assertThrows(DataSourceException.class, () -> BpeTokenizer.load(foreign));
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        BpeTokenizer bpe = new BpeTokenizer(List.of(new int[] {'a', 'b'}));
        assertThrows(IllegalArgumentException.class, () -> bpe.decode(new int[] {257}));
        assertThrows(IllegalArgumentException.class, () -> new ByteTokenizer().decode(new int[] {256}));
        assertArrayEquals("ab".getBytes(), bpe.decode(new int[] {256}));
    }

    @Test
    void chunksKeepALeadingSpaceWithItsWordAndSplitClasses() {
        byte[] text = "the cat,  said\tno".getBytes(StandardCharsets.UTF_8);
        int[] starts = Chunks.starts(text);
        List<String> chunks = new ArrayList<>();
        for (int c = 0; c < starts.length; c++) {
            int end = c + 1 < starts.length ? starts[c + 1] : text.length;
            chunks.add(new String(Arrays.copyOfRange(text, starts[c], end), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("the", " cat", ",", "  ", "said", "\t", "no"), chunks);
        byte[] longRun = new byte[150];
        Arrays.fill(longRun, (byte) 'x');
        assertArrayEquals(new int[] {0, 64, 128}, Chunks.starts(longRun));
    }
}
