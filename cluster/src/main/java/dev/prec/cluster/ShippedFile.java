package dev.prec.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * A checkpoint file carried between driver and executor.
 *
 * @param name the file name, without directories
 * @param bytes its content
 */
record ShippedFile(String name, byte[] bytes) implements Serializable {

    /** @throws IllegalArgumentException if the name has a directory part */
    ShippedFile {
        Objects.requireNonNull(bytes, "bytes");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw new IllegalArgumentException("a shipped file needs a plain file name, got '" + name + "'");
        }
    }
}
