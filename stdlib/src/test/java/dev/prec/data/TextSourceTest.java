package dev.prec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourceTest {

    private static byte[] repeat(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static int[] bytesOf(String s) {
        return new ByteTokenizer().encode(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void validationIsTheLastFivePercentRoundedUpOfEachFileInPathOrder(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.write(dir.resolve("b.txt"), repeat('b', 41));
        Files.write(dir.resolve("a/z.txt"), repeat('z', 20));
        Files.write(dir.resolve("a.txt"), repeat('a', 100));
        TextSource source = new TextSource(TextSpec.bytes(dir));
        // Order by relative path: "a.txt" < "a/z.txt" < "b.txt"; validation 5 + 1 + 3 bytes.
        assertEquals(95 + 19 + 38, source.trainingTokens());
        assertEquals(9, source.validationTokens());
        int[] out = new int[9];
        source.validationBatch(0, 1, 8, out);
        assertArrayEquals(bytesOf("aaaaazbbb"), out);
        assertEquals(256, source.vocabSize());
        assertTrue(source.entropyRate().isEmpty());
    }

    @Test
    void trainingWindowsAreReproducibleSlicesOfTheTrainingPart(@TempDir Path dir) throws IOException {
        byte[] text = BpeTest.sampleText(11, 3000);
        Path file = dir.resolve("corpus.txt");
        Files.write(file, text);
        TextSource source = new TextSource(TextSpec.bytes(file).withSeed(5));
        String trainPart = new String(text, 0, text.length - (text.length + 19) / 20,
                StandardCharsets.ISO_8859_1);
        int batch = 16;
        int context = 32;
        int[] out = new int[batch * (context + 1)];
        source.trainBatch(9, batch, context, out);
        Set<String> windows = new HashSet<>();
        for (int b = 0; b < batch; b++) {
            byte[] window = new byte[context + 1];
            for (int i = 0; i <= context; i++) {
                window[i] = (byte) out[b * (context + 1) + i];
            }
            String s = new String(window, StandardCharsets.ISO_8859_1);
            assertTrue(trainPart.contains(s), "window " + b + " is not in the training part");
            windows.add(s);
        }
        assertTrue(windows.size() > batch / 2, "windows barely vary: " + windows.size());
        int[] again = new int[out.length];
        new TextSource(TextSpec.bytes(file).withSeed(5)).trainBatch(9, batch, context, again);
        assertArrayEquals(out, again);
        new TextSource(TextSpec.bytes(file).withSeed(6)).trainBatch(9, batch, context, again);
        assertTrue(!Arrays.equals(out, again), "seed does not move the windows");
    }

    @Test
    void validationBatchesCycleThroughEveryWindowAtStrideContext(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("f.txt"), BpeTest.sampleText(12, 2000));
        TextSource source = new TextSource(TextSpec.bytes(dir));
        int context = 16;
        int windows = source.validationWindows(context);
        assertEquals((source.validationTokens() - 1 - context) / context + 1, windows);
        int[] one = new int[context + 1];
        int[] first = new int[context + 1];
        source.validationBatch(0, 1, context, first);
        source.validationBatch(windows, 1, context, one);
        assertArrayEquals(first, one, "window index does not wrap at W");
        int[] second = new int[context + 1];
        source.validationBatch(1, 1, context, second);
        assertEquals(first[context], second[0], "consecutive windows share one token");
    }

    @Test
    void bpeSourceTrainsOnTheTrainingPartAndDecodesBackToText(@TempDir Path dir) throws IOException {
        byte[] text = BpeTest.sampleText(13, 5000);
        Files.write(dir.resolve("c.txt"), text);
        TextSource source = new TextSource(TextSpec.bytes(dir).withTokenizer(TokenizerSpec.bpe(300)));
        assertEquals(300, source.vocabSize());
        assertTrue(source.trainingTokens() < text.length * 0.95 / 1.5, "BPE barely compresses");
        int context = source.validationTokens() - 1;
        int[] out = new int[context + 1];
        source.validationBatch(0, 1, context, out);
        byte[] validationBytes = Arrays.copyOfRange(text, text.length - (text.length + 19) / 20, text.length);
        assertArrayEquals(validationBytes, source.tokenizer().decode(out));
        BpeTokenizer trained = BpeTrainer.train(
                java.util.List.of(Arrays.copyOf(text, text.length - validationBytes.length)), 300);
        assertEquals(trained.fingerprint(), source.tokenizer().fingerprint());
    }

    @Test
    void savedTokenizerCanBeReusedBySpec(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("c.txt"), BpeTest.sampleText(14, 3000));
        Path saved = dir.getParent().resolve(dir.getFileName() + "-tok.bpe");
        TextSource trained = new TextSource(TextSpec.bytes(dir).withTokenizer(TokenizerSpec.bpe(280)));
        ((BpeTokenizer) trained.tokenizer()).save(saved);
        TextSource reused = new TextSource(TextSpec.bytes(dir).withTokenizer(TokenizerSpec.saved(saved)));
        assertEquals(trained.fingerprint(), reused.fingerprint());
        Files.delete(saved);
    }

    @Test
    void hiddenFilesAndFoldersAreLeftOut(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("visible.txt"), repeat('v', 40));
        Files.write(dir.resolve(".hidden"), repeat('h', 40));
        Files.createDirectories(dir.resolve(".git"));
        Files.write(dir.resolve(".git/config"), repeat('g', 40));
        TextSource source = new TextSource(TextSpec.bytes(dir));
        assertEquals(40, source.trainingTokens() + source.validationTokens());
    }

    @Test
    void missingEmptyAndAllEmptyCorporaGiveErrorsNamingThePath(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope");
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new TextSource(TextSpec.bytes(missing)));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString())
                && e.getMessage().contains("does not exist"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String noFiles = assertThrows(DataSourceException.class,
                () -> new TextSource(TextSpec.bytes(empty))).getMessage();
        assertTrue(noFiles.contains("contains no files"), noFiles);
        Path blanks = Files.createDirectories(dir.resolve("blanks"));
        Files.write(blanks.resolve("x.txt"), new byte[0]);
        String allEmpty = assertThrows(DataSourceException.class,
                () -> new TextSource(TextSpec.bytes(blanks))).getMessage();
        assertTrue(allEmpty.contains("all are empty"), allEmpty);
    }

    @Test
    void contextLongerThanAPartIsRejectedWithAdvice(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("tiny.txt"), repeat('t', 100));
        TextSource source = new TextSource(TextSpec.bytes(dir));
        String train = assertThrows(IllegalArgumentException.class,
                () -> source.trainBatch(0, 1, 95, new int[96])).getMessage();
        assertTrue(train.contains("95 tokens") && train.contains("shorter context"), train);
        String validation = assertThrows(IllegalArgumentException.class,
                () -> source.validationBatch(0, 1, 5, new int[6])).getMessage();
        assertTrue(validation.contains("5 tokens"), validation);
        int[] ok = new int[95];
        source.trainBatch(0, 1, 94, ok);
        assertEquals('t', ok[94]);
    }

    @Test
    void fingerprintTracksContentsNamesTokenizerAndSeed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.txt");
        Files.write(file, BpeTest.sampleText(15, 500));
        String base = new TextSource(TextSpec.bytes(dir)).fingerprint();
        assertEquals(base, new TextSource(TextSpec.bytes(dir)).fingerprint());
        assertNotEquals(base, new TextSource(TextSpec.bytes(dir).withSeed(1)).fingerprint());
        assertNotEquals(base, new TextSource(TextSpec.bytes(dir)
                .withTokenizer(TokenizerSpec.bpe(260))).fingerprint());
        Files.move(file, dir.resolve("g.txt"));
        assertNotEquals(base, new TextSource(TextSpec.bytes(dir)).fingerprint());
        Files.write(dir.resolve("g.txt"), BpeTest.sampleText(16, 500));
        assertNotEquals(base, new TextSource(TextSpec.bytes(dir)).fingerprint());
    }
}
