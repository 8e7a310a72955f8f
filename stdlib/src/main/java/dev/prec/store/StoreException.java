package dev.prec.store;

import java.nio.file.Path;

/** A run store that cannot be used as asked: not a store, corrupt, newer, or a lost claim. */
public final class StoreException extends RuntimeException {

    /** The database file concerned. */
    private final Path file;

    /**
     * @param file the database file concerned, named in the message
     * @param message one sentence saying what is wrong
     * @param cause the underlying failure, or {@code null}
     */
    public StoreException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** @return the database file the error concerns */
    public Path file() {
        return file;
    }
}
