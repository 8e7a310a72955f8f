package dev.prec.fit;

/**
 * A run file that cannot be read as a table: the message starts with {@code file:line:}, the
 * place a user must look.
 */
public final class TableFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Path of the file as given by the user. */
    private final String file;
    /** 1-based line of the problem; 0 when it concerns the whole file. */
    private final int line;

    TableFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** Path of the file as given by the user. */
    public String file() {
        return file;
    }

    /** 1-based line of the problem; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
