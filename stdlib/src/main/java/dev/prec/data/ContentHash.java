package dev.prec.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a stream of tagged fields, for dataset fingerprints. Each field is written with
 * its length first, so that ("ab", "c") and ("a", "bc") hash differently. Mutable; one per
 * fingerprint.
 */
final class ContentHash {

    /** The running digest. */
    private final MessageDigest digest;

    ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(e);
        }
    }

    /** Adds a text field (UTF-8). */
    ContentHash add(String field) {
        return add(field.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a number field. */
    ContentHash add(long field) {
        return add(Long.toString(field));
    }

    /** Adds a byte field. */
    ContentHash add(byte[] field) {
        update(field.length);
        digest.update(field);
        return this;
    }

    private void update(long length) {
        for (int i = 0; i < 8; i++) {
            digest.update((byte) (length >>> (8 * i)));
        }
    }

    /** The digest as lower-case hex prefixed by {@code kind + ":"}; ends this hash. */
    String finish(String kind) {
        return kind + ":" + HexFormat.of().formatHex(digest.digest());
    }
}
