package dev.prec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link Dataset} contract, checked the same way for every source the factories make. */
class DatasetContractTest {

    private static final int BATCH = 5;
    private static final int CONTEXT = 24;
    private static final int LENGTH = BATCH * (CONTEXT + 1);

    private static int[] train(Dataset d, long step) {
        int[] out = new int[LENGTH];
        d.trainBatch(step, BATCH, CONTEXT, out);
        return out;
    }

    private static void assertHonoursContract(Supplier<Dataset> factory) {
        Dataset d = factory.get();
        int[][] serial = new int[16][];
        for (int step = 15; step >= 0; step--) {
            serial[step] = train(d, step);
            for (int token : serial[step]) {
                assertTrue(token >= 0 && token < d.vocabSize(), "token " + token + " at step " + step);
            }
        }
        Dataset fresh = factory.get();
        int[][] parallel = IntStream.range(0, 16).parallel().mapToObj(s -> train(fresh, s))
                .toArray(int[][]::new);
        for (int step = 0; step < 16; step++) {
            assertArrayEquals(serial[step], parallel[step], "step " + step + " depends on order or thread");
        }
        assertEquals(d.fingerprint(), fresh.fingerprint());
        int[] padded = new int[LENGTH + 7];
        Arrays.fill(padded, -5);
        d.validationBatch(0, BATCH, CONTEXT, padded);
        for (int i = LENGTH; i < padded.length; i++) {
            assertEquals(-5, padded[i], "wrote past the batch at " + i);
        }
        assertFalse(Arrays.equals(Arrays.copyOf(padded, LENGTH), serial[0]), "validation equals training");
        assertFalse(Arrays.equals(serial[0], serial[1]), "consecutive steps equal");
    }

    @Test
    void markovSourceHonoursTheContract() {
        assertHonoursContract(() -> Datasets.markov(new MarkovSpec(30, 2, 1.1, 12, 3)));
    }

    @Test
    void grammarSourceHonoursTheContract() {
        assertHonoursContract(() -> Datasets.grammar(GrammarSpec.DEFAULT));
    }

    @Test
    void byteTextSourceHonoursTheContract(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.txt"), BpeTest.sampleText(20, 2000));
        Files.write(dir.resolve("b.txt"), BpeTest.sampleText(21, 1000));
        assertHonoursContract(() -> Datasets.text(TextSpec.bytes(dir)));
    }

    @Test
    void bpeTextSourceHonoursTheContract(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.txt"), BpeTest.sampleText(22, 4000));
        assertHonoursContract(() -> Datasets.text(TextSpec.bytes(dir).withTokenizer(TokenizerSpec.bpe(290))));
    }
}
