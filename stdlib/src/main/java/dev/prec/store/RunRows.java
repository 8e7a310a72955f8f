package dev.prec.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.OptionalLong;

/** Row mapping between {@code runs} and {@link RunRecord}. */
final class RunRows {

    private RunRows() {
    }

    /** Columns a result sets, in {@link #resultValues} order. */
    static final String RESULT_COLUMNS = "final_val_loss = ?, val_losses = ?, curve = ?,"
            + " tokens_per_second = ?, wall_seconds = ?, machine = ?, checkpoints = ?";

    /** Clears the holder, for every write that ends a claim. */
    static final String RELEASE = "owner = NULL, owner_host = NULL, owner_pid = NULL, lease_until = NULL";

    static Object[] resultValues(RunResult r) {
        return new Object[] {real(r.finalValLoss()), CurveCodec.writeCurve(r.validation()),
            CurveCodec.writeCurve(r.training()), r.tokensPerSecond(), r.wallSeconds(), r.machine(),
            CurveCodec.writePaths(r.checkpoints())};
    }

    static RunRecord read(ResultSet rs) throws SQLException {
        RunSpec spec = RunSpec.parse(rs.getString("spec"));
        RunStatus status = RunStatus.ofLabel(rs.getString("status"));
        Optional<RunResult> result = Optional.empty();
        String curve = rs.getString("curve");
        if (curve != null) {
            result = Optional.of(new RunResult(realOrNaN(rs, "final_val_loss"),
                    CurveCodec.readCurve(rs.getString("val_losses")), CurveCodec.readCurve(curve),
                    rs.getDouble("tokens_per_second"), rs.getDouble("wall_seconds"), rs.getString("machine"),
                    CurveCodec.readPaths(rs.getString("checkpoints"))));
        }
        long divergedStep = rs.getLong("diverged_step");
        OptionalLong diverged = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(divergedStep);
        return new RunRecord(spec, status, Optional.ofNullable(rs.getString("error")), result, diverged,
                Optional.ofNullable(rs.getString("resume_checkpoint")), rs.getInt("attempts"));
    }

    /** SQLite stores a NaN REAL as NULL; NULL is read back as NaN. */
    static Double real(double value) {
        return Double.isNaN(value) ? null : value;
    }

    static double realOrNaN(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    static double realOrNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            switch (values[i]) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case String s -> ps.setString(i + 1, s);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setLong(i + 1, n);
                case Double d -> ps.setDouble(i + 1, d);
                default -> throw new IllegalArgumentException("cannot bind " + values[i].getClass());
            }
        }
    }
}
