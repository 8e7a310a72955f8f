package dev.prec.data;

import java.nio.file.Path;

/**
 * A data source's input cannot be used: a missing, empty, unreadable or malformed file or folder.
 * The message names the path and says what to do; parameter errors are
 * {@link IllegalArgumentException}s instead.
 */
public final class DataSourceException extends RuntimeException {

    /** The file or folder at fault. */
    private final transient Path path;

    /**
     * @param path the file or folder at fault
     * @param message one sentence naming the path and the remedy
     */
    public DataSourceException(Path path, String message) {
        super(message);
        this.path = path;
    }

    /** The file or folder at fault. */
    public Path path() {
        return path;
    }
}
