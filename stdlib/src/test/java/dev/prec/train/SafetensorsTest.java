package dev.prec.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @Test
    void writtenFilesReadBackBitExactWithMetadata(@TempDir Path dir) throws IOException {
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        t.put("w", Safetensors.Tensor.of(new float[] {1f, -0f, Float.NaN, 3.5e-20f, Float.MAX_VALUE, 7f}, 2, 3));
        t.put("ids", Safetensors.Tensor.ofInts(new int[] {5, -1, Integer.MAX_VALUE}, 3));
        Map<String, String> meta = Map.of("spec", "{\"a\":\"q\\\"uote\"}");
        Path f = dir.resolve("x.safetensors");
        Safetensors.write(f, new Safetensors.Contents(t, meta));
        Safetensors.Contents c = Safetensors.read(f);
        assertArrayEquals(t.get("w").floats(), c.tensors().get("w").floats());
        assertArrayEquals(new long[] {2, 3}, c.tensors().get("w").shape());
        assertArrayEquals(new int[] {5, -1, Integer.MAX_VALUE}, c.tensors().get("ids").ints());
        assertEquals(meta, c.metadata());
    }

    @Test
    void readsAHandBuiltFileInTheFormatsByteLayout(@TempDir Path dir) throws IOException {
        // Layout from the safetensors README: u64 little-endian header size, JSON header, data.
        String header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h).putFloat(2f).putFloat(-3f);
        Path f = dir.resolve("hand.safetensors");
        Files.write(f, buf.array());
        Safetensors.Contents c = Safetensors.read(f);
        assertEquals(2f, c.tensors().get("a").floats()[0]);
        assertEquals(-3f, c.tensors().get("b").floats()[0]);
    }

    @Test
    void truncatedFilesAreRejected(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, new byte[] {100, 0, 0, 0, 0, 0, 0, 0, '{'});
        assertThrows(IOException.class, () -> Safetensors.read(f));
    }
}
