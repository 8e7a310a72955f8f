package dev.prec.sweep;

import dev.prec.store.CurvePoint;
import dev.prec.store.MachineDescription;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small real job for executor tests, standing in for the trainer: full-batch gradient descent
 * on a seeded least-squares problem, with a loss curve, periodic validation, checkpoints every
 * {@link #CHECKPOINT_EVERY} steps and resumption from them. Deterministic: the same spec gives
 * the same curve bit for bit, resumed or not.
 *
 * <p>Spec fields: {@code seed} (data and start), {@code lr} (step size), {@code steps}
 * (must be {@code >= 1}, else the run fails), {@code trainer}.
 */
final class GradientJob implements RunTask {

    /** Training samples, features, validation samples. */
    static final int SAMPLES = 4096;
    static final int FEATURES = 48;
    static final int VALIDATION = 512;
    static final int CHECKPOINT_EVERY = 100;
    static final int VALIDATE_EVERY = 100;

    /** Appends "start key" and "complete key" lines here when set, to count trainings. */
    private final Path log;

    GradientJob(Path log) {
        this.log = log;
    }

    static Map<String, Object> spec(long seed, double lr, long steps) {
        return Map.of("trainer", "gd-test-1", "seed", seed, "lr", lr, "steps", steps);
    }

    /** The training state a checkpoint holds. */
    private static final class State {
        long step;
        double[] w = new double[FEATURES];
        double wallSeconds;
        List<CurvePoint> training = new ArrayList<>();
        List<CurvePoint> validation = new ArrayList<>();
        List<String> checkpoints = new ArrayList<>();
    }

    @Override
    public RunOutcome run(RunContext context) throws IOException {
        RunSpec spec = context.spec();
        Map<String, Object> f = spec.fields();
        long seed = ((Number) f.get("seed")).longValue();
        double lr = ((Number) f.get("lr")).doubleValue();
        long steps = ((Number) f.get("steps")).longValue();
        note("start " + spec.key());
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        double[][] x = new double[SAMPLES + VALIDATION][FEATURES];
        double[] y = new double[SAMPLES + VALIDATION];
        data(seed, x, y);
        State s = context.resumeFrom().isPresent() ? load(context.resumeFrom().get()) : new State();
        long segmentStart = System.nanoTime();
        while (s.step < steps) {
            if (context.cancelled()) {
                return new RunOutcome.Stopped();
            }
            double loss = step(x, y, s.w, lr);
            s.step++;
            s.training.add(new CurvePoint(s.step, s.step * SAMPLES, loss));
            context.progress(new RunProgress(s.step * SAMPLES, steps * SAMPLES, loss));
            if (!Double.isFinite(loss) || loss > 1e6 * s.training.getFirst().loss()) {
                s.wallSeconds += (System.nanoTime() - segmentStart) / 1e9;
                note("complete " + spec.key());
                return new RunOutcome.Diverged(result(s, Double.NaN), s.step,
                        "training loss " + loss + " exceeded a million times its start");
            }
            if (s.step % VALIDATE_EVERY == 0) {
                s.validation.add(new CurvePoint(s.step, s.step * SAMPLES, validationLoss(x, y, s.w)));
            }
            if (s.step % CHECKPOINT_EVERY == 0 && s.step < steps) {
                s.wallSeconds += (System.nanoTime() - segmentStart) / 1e9;
                segmentStart = System.nanoTime();
                Path file = context.checkpointDirectory().resolve(String.format("step-%06d.ckpt", s.step));
                s.checkpoints.add(file.getFileName().toString());
                save(s, file);
                context.checkpointSaved(file);
            }
        }
        s.wallSeconds += (System.nanoTime() - segmentStart) / 1e9;
        note("complete " + spec.key());
        return new RunOutcome.Done(result(s, validationLoss(x, y, s.w)));
    }

    private static RunResult result(State s, double finalLoss) {
        double wall = Math.max(s.wallSeconds, 1e-9);
        return new RunResult(finalLoss, s.validation, s.training, s.step * SAMPLES / wall, s.wallSeconds,
                MachineDescription.current(), s.checkpoints);
    }

    /** Features are standard normal, targets a fixed linear map plus noise, all from the seed. */
    private static void data(long seed, double[][] x, double[] y) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] truth = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            truth[j] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < x.length; i++) {
            double dot = 0;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = gaussian(random);
                dot += x[i][j] * truth[j];
            }
            y[i] = dot + 0.1 * gaussian(random);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller on two uniforms: deterministic across JDKs, unlike Random.nextGaussian's caching.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** One full-batch step on half the mean squared error; returns the loss before the step. */
    private static double step(double[][] x, double[] y, double[] w, double lr) {
        double[] grad = new double[FEATURES];
        double loss = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double r = -y[i];
            for (int j = 0; j < FEATURES; j++) {
                r += x[i][j] * w[j];
            }
            loss += 0.5 * r * r;
            for (int j = 0; j < FEATURES; j++) {
                grad[j] += r * x[i][j];
            }
        }
        for (int j = 0; j < FEATURES; j++) {
            w[j] -= lr * grad[j] / SAMPLES;
        }
        return loss / SAMPLES;
    }

    private static double validationLoss(double[][] x, double[] y, double[] w) {
        double loss = 0;
        for (int i = SAMPLES; i < SAMPLES + VALIDATION; i++) {
            double r = -y[i];
            for (int j = 0; j < FEATURES; j++) {
                r += x[i][j] * w[j];
            }
            loss += 0.5 * r * r;
        }
        return loss / VALIDATION;
    }

    /** Writes to a temporary file, forces it to disk, then renames: a checkpoint is whole or absent. */
    private static void save(State s, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                DataOutputStream out = new DataOutputStream(java.nio.channels.Channels.newOutputStream(channel))) {
            out.writeLong(s.step);
            for (double v : s.w) {
                out.writeDouble(v);
            }
            out.writeDouble(s.wallSeconds);
            writeCurve(out, s.training);
            writeCurve(out, s.validation);
            out.writeInt(s.checkpoints.size());
            for (String c : s.checkpoints) {
                out.writeUTF(c);
            }
            out.flush();
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static State load(Path file) throws IOException {
        State s = new State();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            s.step = in.readLong();
            for (int j = 0; j < FEATURES; j++) {
                s.w[j] = in.readDouble();
            }
            s.wallSeconds = in.readDouble();
            s.training = readCurve(in);
            s.validation = readCurve(in);
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.checkpoints.add(in.readUTF());
            }
        }
        return s;
    }

    private static void writeCurve(DataOutputStream out, List<CurvePoint> curve) throws IOException {
        out.writeInt(curve.size());
        for (CurvePoint p : curve) {
            out.writeLong(p.step());
            out.writeLong(p.tokens());
            out.writeDouble(p.loss());
        }
    }

    private static List<CurvePoint> readCurve(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<CurvePoint> curve = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            curve.add(new CurvePoint(in.readLong(), in.readLong(), in.readDouble()));
        }
        return curve;
    }

    private void note(String line) throws IOException {
        if (log != null) {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        }
    }
}
