package dev.prec.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not prec run stores are refused by name and left byte for byte as they were. */
class StoreFileSafetyTest {

    @TempDir
    Path dir;

    private void assertRefusedUntouched(Path file, String expected) throws Exception {
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(file, e.file());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(file), siblings.toList(), "no -wal or -shm file was created");
        }
    }

    @Test
    void aTextFileIsRefusedAsNotSqlite() throws Exception {
        Path file = dir.resolve("runs.db");
        Files.writeString(file, "model,loss\ntiny,3.2\n");
        assertRefusedUntouched(file, "not an SQLite database");
    }

    @Test
    void randomBytesBehindAnSqliteHeaderAreRefusedAsCorrupt() throws Exception {
        Path file = dir.resolve("runs.db");
        byte[] bytes = new byte[8192];
        new SplittableRandom(3).nextBytes(bytes);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(file, bytes);
        assertRefusedUntouched(file, "corrupt");
    }

    @Test
    void anSqliteDatabaseOfAnotherApplicationIsRefused() throws Exception {
        Path file = dir.resolve("runs.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
            st.execute("INSERT INTO invoices VALUES (1, 9.5)");
        }
        assertRefusedUntouched(file, "without prec's run tables (it has invoices)");
    }

    @Test
    void aStoreFromANewerPrecIsRefused() throws Exception {
        Path file = dir.resolve("runs.db");
        RunStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("UPDATE schema_version SET version = " + (Schema.CURRENT + 1));
        }
        assertRefusedUntouched(file, "newer prec");
    }

    @Test
    void aStoreWithADamagedPageIsRefusedAsCorrupt() throws Exception {
        Path file = dir.resolve("runs.db");
        try (RunStore store = RunStore.open(file)) {
            for (int i = 0; i < 200; i++) {
                store.plan(List.of(RunSpec.of(java.util.Map.of("seed", i, "note", "x".repeat(200)))));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE"); // fold the WAL into the file, so it stands alone
        }
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 8 * 4096, "the store spans several pages");
        // Scramble the middle of page 4 (page size 4096): table b-tree cells of the runs table.
        for (int i = 3 * 4096 + 8; i < 4 * 4096; i += 7) {
            bytes[i] = (byte) (bytes[i] ^ 0x5a);
        }
        Files.write(file, bytes);
        assertRefusedUntouched(file, "corrupt");
    }

    @Test
    void anEmptyFileBecomesAStore() throws Exception {
        Path file = dir.resolve("runs.db");
        Files.createFile(file);
        try (RunStore store = RunStore.open(file)) {
            assertEquals(List.of("ok"), store.integrityCheck());
            assertEquals(Schema.CURRENT, store.schemaVersion());
        }
    }
}
