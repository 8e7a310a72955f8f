package dev.prec.train;

/**
 * A learning-rate schedule over a run of S optimiser steps: linear warmup from {@code peak / W} at
 * step 0 to {@code peak} at step {@code W - 1}, where {@code W = round(warmupFraction * S)}, then a
 * decay shape down to {@code minFraction * peak} at the last step.
 *
 * @param kind the shape after warmup
 * @param warmupFraction fraction of steps spent warming up, in [0, 1)
 * @param minFraction final learning rate as a fraction of the peak, in [0, 1]
 * @param decayFraction for {@link Kind#WSD} only: fraction of steps of the final linear decay, in (0, 1]
 */
public record Schedule(Kind kind, double warmupFraction, double minFraction, double decayFraction) {

    /** Shapes after warmup. */
    public enum Kind {
        /** The peak rate throughout. */
        CONSTANT,
        /** Half a cosine from peak to the minimum (Loshchilov and Hutter, SGDR). */
        COSINE,
        /** A straight line from peak to the minimum. */
        LINEAR,
        /** Warmup-stable-decay: the peak, then a linear decay over the last {@code decayFraction} of steps (Hu et al., MiniCPM). */
        WSD
    }

    /** @throws IllegalArgumentException if a fraction is outside its range above or kind is null */
    public Schedule {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind is required");
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warmupFraction must be in [0, 1), got " + warmupFraction);
        }
        if (!(minFraction >= 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("minFraction must be in [0, 1], got " + minFraction);
        }
        if (!(decayFraction > 0 && decayFraction <= 1)) {
            throw new IllegalArgumentException("decayFraction must be in (0, 1], got " + decayFraction);
        }
    }

    /** The paper's schedule: cosine with 10% warmup, down to 10% of the peak. */
    public static Schedule paper() {
        return new Schedule(Kind.COSINE, 0.1, 0.1, 1.0);
    }

    /** The peak rate at every step, without warmup. */
    public static Schedule constant() {
        return new Schedule(Kind.CONSTANT, 0.0, 1.0, 1.0);
    }

    /**
     * The learning rate at one step.
     *
     * @param step optimiser step, in [0, steps)
     * @param steps total steps S, {@code >= 1}
     * @param peak the peak rate
     * @return the rate for {@code step}
     */
    public double rate(long step, long steps, double peak) {
        long warmup = Math.round(warmupFraction * steps);
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        double min = minFraction * peak;
        long rest = Math.max(1, steps - warmup - 1);
        double progress = Math.min(1.0, (double) (step - warmup) / rest);
        return switch (kind) {
            case CONSTANT -> peak;
            case COSINE -> min + (peak - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
            case LINEAR -> peak + (min - peak) * progress;
            case WSD -> {
                long decaySteps = Math.max(1, Math.round(decayFraction * steps));
                long decayStart = steps - decaySteps;
                if (step < decayStart) {
                    yield peak;
                }
                double p = decaySteps == 1 ? 1.0 : (double) (step - decayStart) / (decaySteps - 1);
                yield peak + (min - peak) * Math.min(1.0, p);
            }
        };
    }
}
