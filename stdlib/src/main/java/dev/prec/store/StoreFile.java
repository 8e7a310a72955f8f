package dev.prec.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * Opens a store file: checks that it is a prec run store (or new) with reads only, then switches
 * to WAL and migrates. Nothing is written to a file that fails a check.
 */
final class StoreFile {

    /** The first 16 bytes of every SQLite 3 database (sqlite.org/fileformat.html, 1.3). */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StoreFile() {
    }

    /**
     * @param file the database file; created with its directory when missing
     * @param busyTimeout how long a statement waits for another process's write lock
     * @param targetVersion schema version to migrate to (tests use older versions)
     * @return an open connection to a store at {@code targetVersion} or newer within this prec
     * @throws StoreException if the file is not a prec run store, is corrupt, or is newer
     */
    static Connection open(Path file, Duration busyTimeout, int targetVersion) {
        checkHeader(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException(file, "cannot create the store's directory: " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties());
        } catch (SQLException e) {
            throw failure(file, e);
        }
        try {
            int version = checkSchema(file, connection);
            try (Statement st = connection.createStatement()) {
                // WAL lets readers (prec runs list) proceed while a sweep writes.
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = FULL");
            }
            if (version < targetVersion) {
                Schema.migrate(connection, targetVersion);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(file, e);
        } catch (StoreException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Reads-only check of the schema; returns the version (0 for an empty database). */
    private static int checkSchema(Path file, Connection connection) throws SQLException {
        int applicationId;
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                applicationId = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        if (applicationId != 0 && applicationId != Schema.APPLICATION_ID) {
            throw new StoreException(file, "is an SQLite database of another application (application_id "
                    + applicationId + "), not a prec run store; it was left untouched", null);
        }
        if (tables.isEmpty()) {
            return 0;
        }
        // A damaged page may not show until a sweep writes next to it; look before writing anything.
        List<String> problems = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new StoreException(file, "is corrupt (quick_check: " + String.join("; ", problems.subList(0,
                    Math.min(3, problems.size()))) + "); it was left untouched; restore it from a backup or move it"
                    + " away", null);
        }
        if (!tables.contains("schema_version") || !tables.contains("runs")) {
            throw new StoreException(file, "is an SQLite database without prec's run tables (it has "
                    + String.join(", ", tables) + "); not a prec run store, left untouched", null);
        }
        int version = Schema.version(connection);
        if (version > Schema.CURRENT) {
            throw new StoreException(file, "was written by a newer prec (store schema version " + version
                    + ", this prec knows up to " + Schema.CURRENT + "); upgrade prec to use it", null);
        }
        return version;
    }

    private static void checkHeader(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file, "is not a regular file, so not a prec run store", null);
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (read == 0) {
            return; // an empty file is an empty SQLite database
        }
        if (read < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw new StoreException(file, "is not an SQLite database (wrong file header), so not a prec"
                    + " run store; it was left untouched", null);
        }
    }

    /** Wraps a driver error, naming corruption plainly. */
    static StoreException failure(Path file, SQLException e) {
        int code = e.getErrorCode() & 0xff; // the primary code under any extended one
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new StoreException(file, "is corrupt (" + e.getMessage() + "); it was left untouched;"
                    + " restore it from a backup or move it away", e);
        }
        return new StoreException(file, "database error: " + e.getMessage(), e);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing after a failure: the first error is the one to report.
        }
    }
}
