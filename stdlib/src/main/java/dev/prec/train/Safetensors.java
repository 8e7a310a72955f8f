package dev.prec.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (huggingface/safetensors, "format" in its README): an
 * unsigned little-endian 64-bit header length, a JSON header mapping each tensor name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the byte after the
 * header) plus an optional {@code "__metadata__"} map of strings, then the raw little-endian data.
 * Only F32 and I32 tensors, which is all prec stores.
 */
public final class Safetensors {

    private Safetensors() {
    }

    /**
     * One tensor: either float or int data, row-major.
     *
     * @param shape dimensions, each {@code >= 0}
     * @param floats F32 data, or null
     * @param ints I32 data, or null
     */
    public record Tensor(long[] shape, float[] floats, int[] ints) {
        /** @throws IllegalArgumentException if not exactly one of the arrays is given or its length differs from the shape's product */
        public Tensor {
            shape = shape.clone();
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if ((floats == null) == (ints == null)) {
                throw new IllegalArgumentException("exactly one of floats and ints is required");
            }
            int len = floats != null ? floats.length : ints.length;
            if (len != n) {
                throw new IllegalArgumentException("shape holds " + n + " elements, data has " + len);
            }
        }

        /** A float tensor. */
        public static Tensor of(float[] data, long... shape) {
            return new Tensor(shape, data, null);
        }

        /** An int tensor. */
        public static Tensor ofInts(int[] data, long... shape) {
            return new Tensor(shape, null, data);
        }
    }

    /**
     * The content of a file.
     *
     * @param tensors tensors by name, in file order
     * @param metadata the {@code __metadata__} strings (empty when absent)
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        /** Copies the maps, keeping their order. */
        public Contents {
            tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * Writes {@code contents} to {@code file} atomically (a temporary file renamed into place).
     *
     * @throws IOException if writing fails
     */
    public static void write(Path file, Contents contents) throws IOException {
        StringBuilder h = new StringBuilder("{");
        if (!contents.metadata().isEmpty()) {
            h.append("\"__metadata__\":{");
            String sep = "";
            for (Map.Entry<String, String> e : contents.metadata().entrySet()) {
                h.append(sep).append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
                sep = ",";
            }
            h.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : contents.tensors().entrySet()) {
            Tensor t = e.getValue();
            long bytes = 4L * (t.floats() != null ? t.floats().length : t.ints().length);
            h.append(h.length() > 1 ? "," : "").append(Json.quote(e.getKey())).append(":{\"dtype\":\"")
                    .append(t.floats() != null ? "F32" : "I32").append("\",\"shape\":[");
            for (int i = 0; i < t.shape().length; i++) {
                h.append(i > 0 ? "," : "").append(t.shape()[i]);
            }
            h.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        // Pad the header with spaces to a multiple of 8 bytes so the data is aligned (the format allows it).
        int padded = (header.length + 8 + 7) / 8 * 8 - 8;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(header);
            out.write(" ".repeat(padded - header.length).getBytes(StandardCharsets.US_ASCII));
            for (Tensor t : contents.tensors().values()) {
                int n = t.floats() != null ? t.floats().length : t.ints().length;
                ByteBuffer buf = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
                if (t.floats() != null) {
                    buf.asFloatBuffer().put(t.floats());
                } else {
                    buf.asIntBuffer().put(t.ints());
                }
                out.write(buf.array());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a file.
     *
     * @throws IOException if reading fails or the file is not valid safetensors with F32/I32 tensors
     */
    @SuppressWarnings("unchecked")
    public static Contents read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 8) {
            throw new IOException(file + ": too short for a safetensors file");
        }
        long headerLen = buf.getLong(0);
        if (headerLen < 2 || headerLen > all.length - 8) {
            throw new IOException(file + ": bad header length " + headerLen);
        }
        Map<String, Object> header;
        try {
            header = (Map<String, Object>) Json.parse(new String(all, 8, (int) headerLen, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        int base = 8 + (int) headerLen;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                ((Map<String, Object>) e.getValue()).forEach((k, v) -> metadata.put(k, String.valueOf(v)));
                continue;
            }
            Map<String, Object> info = (Map<String, Object>) e.getValue();
            String dtype = (String) info.get("dtype");
            List<Object> shapeList = (List<Object>) info.get("shape");
            List<Object> offsets = (List<Object>) info.get("data_offsets");
            long[] shape = shapeList.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
            int begin = base + ((Number) offsets.get(0)).intValue();
            int end = base + ((Number) offsets.get(1)).intValue();
            if (begin < base || end > all.length || end < begin || (end - begin) % 4 != 0) {
                throw new IOException(file + ": bad data offsets for " + e.getKey());
            }
            ByteBuffer slice = ByteBuffer.wrap(all, begin, end - begin).slice().order(ByteOrder.LITTLE_ENDIAN);
            int n = (end - begin) / 4;
            try {
                if (dtype.equals("F32")) {
                    float[] data = new float[n];
                    slice.asFloatBuffer().get(data);
                    tensors.put(e.getKey(), Tensor.of(data, shape));
                } else if (dtype.equals("I32")) {
                    int[] data = new int[n];
                    slice.asIntBuffer().get(data);
                    tensors.put(e.getKey(), Tensor.ofInts(data, shape));
                } else {
                    throw new IOException(file + ": unsupported dtype " + dtype + " of " + e.getKey());
                }
            } catch (IllegalArgumentException ex) {
                throw new IOException(file + ": " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return new Contents(tensors, metadata);
    }
}
