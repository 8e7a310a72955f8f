package dev.prec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Row mapping between {@code ptq_results} (one row per parent run and PTQ spec) with its child
 * table {@code ptq_layers} (one row per quantized layer) and {@link PtqResult}. Callers hold the
 * store's lock.
 */
final class PtqRows {

    private static final String COLUMNS = "spec, val_loss, wall_seconds, loss_before, calibration_sequences,"
            + " calibration_seed, checkpoint, ptq_key";

    private PtqRows() {
    }

    /** Replaces the row of {@code (parent, spec key)} and its layers, in one transaction. */
    static void put(Connection connection, PtqResult r) throws SQLException {
        connection.setAutoCommit(false);
        try {
            delete(connection, r.parentKey(), r.spec().key());
            double delta = r.losses().delta();
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ptq_results (parent_key, ptq_key,"
                    + " spec, val_loss, wall_seconds, created_at, loss_before, delta, damp, calibration_sequences,"
                    + " calibration_seed, checkpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                RunRows.bind(ps, r.parentKey(), r.spec().key(), r.spec().json(), RunRows.real(r.losses().after()),
                        r.wallSeconds(), System.currentTimeMillis(), RunRows.real(r.losses().before()),
                        Double.isFinite(delta) ? delta : null, RunRows.real(r.damp()),
                        r.calibration().map(c -> (Object) c.sequences()).orElse(null),
                        r.calibration().map(c -> (Object) c.seed()).orElse(null), r.checkpoint().orElse(null));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ptq_layers (parent_key, ptq_key,"
                    + " position, name, error, relative, damp) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < r.layers().size(); i++) {
                    PtqResult.Layer l = r.layers().get(i);
                    RunRows.bind(ps, r.parentKey(), r.spec().key(), i, l.name(), RunRows.real(l.error()),
                            RunRows.real(l.relative()), RunRows.real(l.damp()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The rows of a parent run in the order stored, with their layers. */
    static List<PtqResult> of(Connection connection, String parentKey) throws SQLException {
        List<PtqResult> results = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM ptq_results WHERE parent_key = ? ORDER BY rowid")) {
            ps.setString(1, parentKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.add(read(connection, parentKey, rs));
                }
            }
        }
        return results;
    }

    /** The row of one parent run and PTQ spec key, if stored. */
    static Optional<PtqResult> find(Connection connection, String parentKey, String ptqKey) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM ptq_results WHERE parent_key = ? AND ptq_key = ?")) {
            ps.setString(1, parentKey);
            ps.setString(2, ptqKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(connection, parentKey, rs)) : Optional.empty();
            }
        }
    }

    private static PtqResult read(Connection connection, String parentKey, ResultSet rs) throws SQLException {
        RunSpec spec = RunSpec.parse(rs.getString(1));
        PtqResult.Losses losses = new PtqResult.Losses(RunRows.realOrNaN(rs, 4), RunRows.realOrNaN(rs, 2));
        double wall = rs.getDouble(3);
        int sequences = rs.getInt(5);
        Optional<PtqResult.Calibration> calibration = rs.wasNull() ? Optional.empty()
                : Optional.of(new PtqResult.Calibration(sequences, rs.getLong(6)));
        Optional<String> checkpoint = Optional.ofNullable(rs.getString(7));
        return new PtqResult(parentKey, spec, losses, layers(connection, parentKey, rs.getString(8)), calibration,
                checkpoint, wall);
    }

    private static List<PtqResult.Layer> layers(Connection connection, String parentKey, String ptqKey)
            throws SQLException {
        List<PtqResult.Layer> layers = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, error, relative, damp FROM ptq_layers"
                + " WHERE parent_key = ? AND ptq_key = ? ORDER BY position")) {
            ps.setString(1, parentKey);
            ps.setString(2, ptqKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    layers.add(new PtqResult.Layer(rs.getString(1), RunRows.realOrNaN(rs, 2),
                            RunRows.realOrNaN(rs, 3), RunRows.realOrNaN(rs, 4)));
                }
            }
        }
        return layers;
    }

    private static void delete(Connection connection, String parentKey, String ptqKey) throws SQLException {
        // Layers first: the foreign key would refuse the parent's deletion otherwise when cascades are off.
        for (String table : List.of("ptq_layers", "ptq_results")) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE parent_key = ? AND ptq_key = ?")) {
                ps.setString(1, parentKey);
                ps.setString(2, ptqKey);
                ps.executeUpdate();
            }
        }
    }
}
