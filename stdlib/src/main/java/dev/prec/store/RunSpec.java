package dev.prec.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A resolved run spec as canonical JSON, with its key: the lower-case hex SHA-256 of the JSON's
 * UTF-8 bytes. Two specs are the same run exactly when their keys are equal.
 *
 * <p>Callers put into the spec everything that determines the run's result (by convention the
 * fields {@code model}, {@code data} (the data fingerprint), {@code precision}, {@code optimizer},
 * {@code schedule}, {@code tokens}, {@code seed}, {@code trainer}, the trainer version) and nothing
 * that does not (paths, thread counts that do not change results, timestamps).
 *
 * @param json the spec as canonical JSON, an object
 * @param key the hex SHA-256 of {@code json}, 64 characters
 */
public record RunSpec(String json, String key) {

    /** Length of the short key shown to users. */
    public static final int SHORT_KEY_LENGTH = 12;

    /**
     * @throws IllegalArgumentException if {@code json} is not a canonical JSON object or
     *     {@code key} is not its hash
     */
    public RunSpec {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(key, "key");
        Object parsed = CanonicalJson.read(json);
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a run spec is a JSON object, got " + json);
        }
        if (!CanonicalJson.write(parsed).equals(json)) {
            throw new IllegalArgumentException("run spec JSON is not canonical: " + json);
        }
        if (!sha256(json).equals(key)) {
            throw new IllegalArgumentException("key " + key + " is not the SHA-256 of the spec");
        }
    }

    /**
     * Resolves a spec from its fields.
     *
     * @param fields the spec's fields, values as {@link CanonicalJson} accepts them
     * @return the spec with its canonical JSON and key
     * @throws IllegalArgumentException if a value has no JSON form
     */
    public static RunSpec of(Map<String, ?> fields) {
        String json = CanonicalJson.write(fields);
        return new RunSpec(json, sha256(json));
    }

    /**
     * Reads a spec from stored JSON (canonical or not).
     *
     * @param json a JSON object
     * @return the spec
     * @throws IllegalArgumentException if {@code json} is not a JSON object
     */
    public static RunSpec parse(String json) {
        Object value = CanonicalJson.read(json);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a run spec is a JSON object, got " + json);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> fields = (Map<String, ?>) map;
        return of(fields);
    }

    /** @return the spec's fields, sorted by name, unmodifiable */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fields() {
        return (Map<String, Object>) CanonicalJson.read(json);
    }

    /** @return the first {@value #SHORT_KEY_LENGTH} characters of the key, for display */
    public String shortKey() {
        return key.substring(0, SHORT_KEY_LENGTH);
    }

    /**
     * @param text any text
     * @return the lower-case hex SHA-256 of its UTF-8 bytes
     */
    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
