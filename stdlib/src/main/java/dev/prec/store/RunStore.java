package dev.prec.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The runs of one store file. Thread-safe (one connection, methods synchronized); processes share
 * the file through SQLite's locking (WAL mode, a busy timeout) and the claim protocol:
 * {@link #claim} turns a planned run into a running one held by an {@link Owner} with a lease,
 * in one UPDATE, so of any number of claimers exactly one wins. The holder renews the lease;
 * a lease that ran out, or whose owner process on this host has died, may be claimed again.
 * Every write under a {@link Claim} checks the claim is still held.
 */
public final class RunStore implements AutoCloseable {

    /** How long a statement waits for another process's write lock by default. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);

    /** The store file. */
    private final Path file;
    /** The one connection, used under this object's lock. */
    private final Connection connection;

    private RunStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * The default store of a script: {@code .prec/runs.db} in the script's directory.
     *
     * @param script path of the {@code .prec} script
     * @return the default store file for it
     */
    public static Path defaultFile(Path script) {
        Path dir = script.toAbsolutePath().getParent();
        return dir.resolve(".prec").resolve("runs.db");
    }

    /**
     * Opens (creating when missing) a run store.
     *
     * @param file the database file
     * @return the open store, at the current schema version
     * @throws StoreException if {@code file} is not SQLite, is SQLite without prec's schema, has
     *     a newer schema version, or is corrupt; the file is then left as it was
     */
    public static RunStore open(Path file) {
        return open(file, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * @param file the database file
     * @param busyTimeout how long a statement waits for another process's write lock, {@code > 0}
     * @return the open store
     * @throws StoreException as {@link #open(Path)}
     */
    public static RunStore open(Path file, Duration busyTimeout) {
        return new RunStore(file, StoreFile.open(file, busyTimeout, Schema.CURRENT));
    }

    /** Opens at an older schema version, so tests can check the migrations. */
    static RunStore openAtVersion(Path file, int version) {
        return new RunStore(file, StoreFile.open(file, DEFAULT_BUSY_TIMEOUT, version));
    }

    /** @return the store file */
    public Path file() {
        return file;
    }

    /**
     * @param key a run's key
     * @return the directory for that run's checkpoints: {@code checkpoints/<key>} beside the file
     */
    public Path checkpointDirectory(String key) {
        return file.toAbsolutePath().getParent().resolve("checkpoints").resolve(key);
    }

    /** @return the schema version of the open file */
    public synchronized int schemaVersion() {
        try {
            return Schema.version(connection);
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }

    /** @return SQLite's {@code PRAGMA integrity_check} lines: exactly {@code ["ok"]} when sound */
    public synchronized List<String> integrityCheck() {
        List<String> lines = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
        return lines;
    }

    /**
     * Adds runs not yet in the store as planned, in one transaction; known runs are unchanged.
     *
     * @param specs the runs
     * @return how many were new
     */
    public synchronized int plan(List<RunSpec> specs) {
        try {
            connection.setAutoCommit(false);
            int added = 0;
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT OR IGNORE INTO runs (key, spec, status, created_at, updated_at)"
                            + " VALUES (?, ?, 'planned', ?, ?)")) {
                long now = System.currentTimeMillis();
                for (RunSpec spec : specs) {
                    ps.setString(1, spec.key());
                    ps.setString(2, spec.json());
                    ps.setLong(3, now);
                    ps.setLong(4, now);
                    added += ps.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return added;
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }

    /**
     * @param key a run's full key
     * @return the run, if the store has it
     */
    public synchronized Optional<RunRecord> get(String key) {
        List<RunRecord> found = query("SELECT * FROM runs WHERE key = ?", key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * @param prefix the start of a key, as users type it
     * @return the runs whose key starts with {@code prefix}, in planning order
     */
    public synchronized List<RunRecord> findByPrefix(String prefix) {
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return query("SELECT * FROM runs WHERE key LIKE ? ESCAPE '\\' ORDER BY rowid", escaped + "%");
    }

    /** @return every run, in planning order */
    public synchronized List<RunRecord> list() {
        return query("SELECT * FROM runs ORDER BY rowid");
    }

    /**
     * @param status a status
     * @return the runs with that status, in planning order
     */
    public synchronized List<RunRecord> list(RunStatus status) {
        return query("SELECT * FROM runs WHERE status = ? ORDER BY rowid", status.label());
    }

    /**
     * Claims a run for training: plans it when new, then takes it if it is planned, or running
     * under a lease that ran out, or running for a process of this host that has exited.
     *
     * @param spec the run
     * @param owner who will train it
     * @param lease how long the claim holds without {@link #renew}, {@code > 0}
     * @return the claim, or empty when the run is finished or held by a live owner
     * @throws IllegalArgumentException if {@code lease} is not positive
     */
    public synchronized Optional<Claim> claim(RunSpec spec, Owner owner, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be > 0, got " + lease);
        }
        plan(List.of(spec));
        long now = System.currentTimeMillis();
        String take = "UPDATE runs SET status = 'running', owner = ?, owner_host = ?, owner_pid = ?,"
                + " lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE key = ? AND ";
        if (update(take + "(status = 'planned' OR (status = 'running' AND lease_until < ?))",
                owner.token(), owner.host(), owner.pid(), now + lease.toMillis(), now, spec.key(), now) == 1) {
            return Optional.of(new Claim(spec, owner, get(spec.key()).orElseThrow().resumeCheckpoint()));
        }
        Optional<Owner> holder = holder(spec.key());
        if (holder.isPresent() && !holder.get().token().equals(owner.token()) && holder.get().isDeadLocally()
                && update(take + "status = 'running' AND owner = ?", owner.token(), owner.host(), owner.pid(),
                        now + lease.toMillis(), now, spec.key(), holder.get().token()) == 1) {
            return Optional.of(new Claim(spec, owner, get(spec.key()).orElseThrow().resumeCheckpoint()));
        }
        return Optional.empty();
    }

    /**
     * @param key a run's key
     * @return who holds the run, when it is running
     */
    public synchronized Optional<Owner> holder(String key) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT owner, owner_host, owner_pid FROM runs WHERE key = ? AND status = 'running'")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Owner(rs.getString(1), rs.getString(2), rs.getLong(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }

    /**
     * Extends a claim's lease.
     *
     * @param claim a held claim
     * @param lease new lease from now, {@code > 0}
     * @throws StoreException if the claim is no longer held
     */
    public synchronized void renew(Claim claim, Duration lease) {
        long now = System.currentTimeMillis();
        underClaim(claim, "lease_until = ?", now + lease.toMillis());
    }

    /**
     * Records the checkpoint an interrupted attempt would resume from.
     *
     * @param claim a held claim
     * @param path the checkpoint just written completely
     * @throws StoreException if the claim is no longer held
     */
    public synchronized void recordCheckpoint(Claim claim, String path) {
        underClaim(claim, "resume_checkpoint = ?", path);
    }

    /**
     * Marks a run done with its result and gives up the claim.
     *
     * @param claim a held claim
     * @param result the run's result
     * @throws StoreException if the claim is no longer held
     */
    public synchronized void finish(Claim claim, RunResult result) {
        underClaim(claim, "status = 'done', error = NULL, " + RunRows.RESULT_COLUMNS + ", diverged_step = NULL, "
                + RunRows.RELEASE, RunRows.resultValues(result));
    }

    /**
     * Marks a run diverged, keeping its partial result, and gives up the claim.
     *
     * @param claim a held claim
     * @param partial what the run produced before it diverged
     * @param step the step whose loss was not finite, {@code >= 0}
     * @param error a sentence saying what diverged
     * @throws StoreException if the claim is no longer held
     */
    public synchronized void diverge(Claim claim, RunResult partial, long step, String error) {
        Object[] values = RunRows.resultValues(partial);
        Object[] all = Arrays.copyOf(values, values.length + 2);
        all[values.length] = step;
        all[values.length + 1] = error;
        underClaim(claim, "status = 'diverged', " + RunRows.RESULT_COLUMNS + ", diverged_step = ?, error = ?, "
                + RunRows.RELEASE, all);
    }

    /**
     * Marks a run failed with its error and gives up the claim; its checkpoint is kept.
     *
     * @param claim a held claim
     * @param error what went wrong
     * @throws StoreException if the claim is no longer held
     */
    public synchronized void fail(Claim claim, String error) {
        underClaim(claim, "status = 'failed', error = ?, " + RunRows.RELEASE, Objects.requireNonNull(error));
    }

    /**
     * Gives a claim back unfinished (interrupted): the run is planned again, its checkpoint kept.
     *
     * @param claim a held claim
     * @throws StoreException if the claim is no longer held
     */
    public synchronized void release(Claim claim) {
        underClaim(claim, "status = 'planned', " + RunRows.RELEASE);
    }

    /**
     * Gives back every claim of an owner (used when a process stops).
     *
     * @param owner the owner
     * @return how many runs went back to planned
     */
    public synchronized int releaseAll(Owner owner) {
        return update("UPDATE runs SET status = 'planned', " + RunRows.RELEASE + ", updated_at = ?"
                + " WHERE status = 'running' AND owner = ?", System.currentTimeMillis(), owner.token());
    }

    /**
     * Makes a failed or diverged run planned again, dropping its error and partial result but
     * keeping its checkpoint.
     *
     * @param key the run's key
     * @return whether the run was failed or diverged
     */
    public synchronized boolean retry(String key) {
        return update("UPDATE runs SET status = 'planned', error = NULL, diverged_step = NULL,"
                + " final_val_loss = NULL, val_losses = NULL, curve = NULL, tokens_per_second = NULL,"
                + " wall_seconds = NULL, machine = NULL, checkpoints = NULL, updated_at = ?"
                + " WHERE key = ? AND status IN ('failed', 'diverged')", System.currentTimeMillis(), key) == 1;
    }

    /**
     * Deletes a run and its PTQ results. A running run is not deleted.
     *
     * @param key the run's key
     * @return whether a run was deleted
     * @throws StoreException if the run is running
     */
    public synchronized boolean delete(String key) {
        if (holder(key).isPresent()) {
            throw new StoreException(file, "run " + key + " is running; stop it before deleting it", null);
        }
        return update("DELETE FROM runs WHERE key = ?", key) == 1;
    }

    /**
     * Stores a PTQ result as a child of its run with its per-layer errors, replacing one with the
     * same PTQ spec, in one transaction.
     *
     * @param result the result; its parent run must be in the store
     * @throws StoreException if the parent run is not in the store
     */
    public synchronized void putPtq(PtqResult result) {
        if (get(result.parentKey()).isEmpty()) {
            throw new StoreException(file, "no run " + result.parentKey() + " to attach a PTQ result to", null);
        }
        try {
            PtqRows.put(connection, result);
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }

    /**
     * @param parentKey a run's key
     * @return its PTQ results with their layers, in the order they were stored
     */
    public synchronized List<PtqResult> ptqResults(String parentKey) {
        try {
            return PtqRows.of(connection, parentKey);
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }

    /**
     * The stored result of one PTQ spec applied to one run, so a re-run script reuses it.
     *
     * @param parentKey a run's key
     * @param ptq the PTQ spec
     * @return the result, if stored
     */
    public synchronized Optional<PtqResult> ptqResult(String parentKey, RunSpec ptq) {
        try {
            return PtqRows.find(connection, parentKey, ptq.key());
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }

    @Override
    public synchronized void close() {
        StoreFile.closeQuietly(connection);
    }

    private void underClaim(Claim claim, String assignments, Object... values) {
        Object[] all = Arrays.copyOf(values, values.length + 3);
        all[values.length] = System.currentTimeMillis();
        all[values.length + 1] = claim.key();
        all[values.length + 2] = claim.owner().token();
        int n = update("UPDATE runs SET " + assignments + ", updated_at = ? WHERE key = ? AND status = 'running'"
                + " AND owner = ?", all);
        if (n != 1) {
            throw new StoreException(file, "lost the claim on run " + claim.spec().shortKey()
                    + " (its lease ran out and another process took it)", null);
        }
    }

    private int update(String sql, Object... values) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            RunRows.bind(ps, values);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }

    private List<RunRecord> query(String sql, Object... values) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            RunRows.bind(ps, values);
            List<RunRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(RunRows.read(rs));
                }
            }
            return records;
        } catch (SQLException e) {
            throw StoreFile.failure(file, e);
        }
    }
}
