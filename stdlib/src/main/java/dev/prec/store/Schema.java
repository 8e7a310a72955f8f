package dev.prec.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema as numbered migration steps. A database records the last step applied in
 * {@code schema_version}; opening it applies the missing steps in one transaction. Steps are
 * never edited once released: a change is a new step.
 */
final class Schema {

    /** SQLite's application id for prec run stores: "prec" in ASCII. */
    static final int APPLICATION_ID = 0x70726563;

    /** One migration step: the statements that take the schema from {@code version - 1} to it. */
    record Step(int version, List<String> statements) {
        Step {
            statements = List.copyOf(statements);
        }
    }

    /** Every step, in order; the last one's version is {@link #CURRENT}. */
    static final List<Step> STEPS = List.of(
            new Step(1, List.of(
                    "CREATE TABLE schema_version (version INTEGER NOT NULL) STRICT",
                    "INSERT INTO schema_version (version) VALUES (0)",
                    """
                    CREATE TABLE runs (
                      key TEXT PRIMARY KEY,
                      spec TEXT NOT NULL,
                      status TEXT NOT NULL CHECK (status IN
                          ('planned', 'running', 'done', 'failed', 'diverged')),
                      error TEXT,
                      owner TEXT,
                      owner_host TEXT,
                      owner_pid INTEGER,
                      lease_until INTEGER,
                      resume_checkpoint TEXT,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      final_val_loss REAL,
                      val_losses TEXT,
                      curve TEXT,
                      tokens_per_second REAL,
                      wall_seconds REAL,
                      machine TEXT,
                      checkpoints TEXT,
                      diverged_step INTEGER,
                      created_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL
                    ) STRICT""",
                    """
                    CREATE TABLE ptq_results (
                      parent_key TEXT NOT NULL REFERENCES runs(key) ON DELETE CASCADE,
                      ptq_key TEXT NOT NULL,
                      spec TEXT NOT NULL,
                      val_loss REAL,
                      wall_seconds REAL NOT NULL,
                      created_at INTEGER NOT NULL,
                      PRIMARY KEY (parent_key, ptq_key)
                    ) STRICT""")),
            // Claims and listings filter by status; without the index each is a full scan.
            new Step(2, List.of("CREATE INDEX runs_by_status ON runs(status)")),
            // A PTQ row keeps what delta_PTQ fits and audits need; rows of older stores get their
            // calibration from their spec, and NULL (read as unknown) for what was never measured.
            new Step(3, List.of(
                    "ALTER TABLE ptq_results ADD COLUMN loss_before REAL",
                    "ALTER TABLE ptq_results ADD COLUMN delta REAL",
                    "ALTER TABLE ptq_results ADD COLUMN damp REAL",
                    "ALTER TABLE ptq_results ADD COLUMN calibration_sequences INTEGER",
                    "ALTER TABLE ptq_results ADD COLUMN calibration_seed INTEGER",
                    "ALTER TABLE ptq_results ADD COLUMN checkpoint TEXT",
                    """
                    UPDATE ptq_results SET
                      calibration_sequences = json_extract(spec, '$.calibration'),
                      calibration_seed = json_extract(spec, '$.calibration_seed')
                    WHERE json_type(spec, '$.calibration') = 'integer'
                      AND json_type(spec, '$.calibration_seed') = 'integer'""",
                    """
                    CREATE TABLE ptq_layers (
                      parent_key TEXT NOT NULL,
                      ptq_key TEXT NOT NULL,
                      position INTEGER NOT NULL,
                      name TEXT NOT NULL,
                      error REAL,
                      relative REAL,
                      damp REAL,
                      PRIMARY KEY (parent_key, ptq_key, position),
                      FOREIGN KEY (parent_key, ptq_key) REFERENCES ptq_results(parent_key, ptq_key)
                          ON DELETE CASCADE
                    ) STRICT""")));

    /** The schema version this prec writes. */
    static final int CURRENT = STEPS.getLast().version();

    private Schema() {
    }

    /**
     * Reads the schema version of a database already known to hold {@code schema_version}.
     *
     * @param connection an open connection
     * @return the recorded version, {@code >= 0}
     * @throws SQLException if the table cannot be read
     */
    static int version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Applies the steps after the database's version up to {@code target}, in one immediate
     * transaction so two processes opening a new store at once migrate it once.
     *
     * @param connection an open connection in auto-commit mode
     * @param target the version to reach, {@code 0 <= target <= CURRENT}
     * @throws SQLException if a statement fails; the transaction is rolled back
     */
    static void migrate(Connection connection, int target) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                boolean exists;
                try (ResultSet rs = st.executeQuery(
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
                    exists = rs.next();
                }
                int from = exists ? version(connection) : 0;
                for (Step step : STEPS) {
                    if (step.version() > from && step.version() <= target) {
                        for (String sql : step.statements()) {
                            st.execute(sql);
                        }
                        st.execute("UPDATE schema_version SET version = " + step.version());
                    }
                }
                if (from == 0) {
                    st.execute("PRAGMA application_id = " + APPLICATION_ID);
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
