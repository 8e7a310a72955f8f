package dev.prec.data;

/** Byte-level tokens: token {@code i} is the byte with unsigned value {@code i}; 256 tokens. */
public record ByteTokenizer() implements Tokenizer {

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public int[] encode(byte[] bytes) {
        int[] tokens = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            tokens[i] = bytes[i] & 0xFF;
        }
        return tokens;
    }

    @Override
    public byte[] decode(int[] tokens) {
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] > 255) {
                throw new IllegalArgumentException("byte token must be in [0, 256), got "
                        + tokens[i] + " at " + i);
            }
            bytes[i] = (byte) tokens[i];
        }
        return bytes;
    }

    @Override
    public String fingerprint() {
        return "bytes";
    }
}
