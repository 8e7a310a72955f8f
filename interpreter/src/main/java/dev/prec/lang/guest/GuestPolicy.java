package dev.prec.lang.guest;

import dev.prec.lang.builtin.Option;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The guest limits of one session, set by its host: what a {@code fn} gets when it names no limits, and
 * the most it may ask for with {@code fn f = js "..." with { statements: 1M, wall_s: 0.5, heap_mib: 64 }}.
 * A host running scripts it does not trust sets the ceiling to the defaults ({@link #fixed}); scripts may
 * then only tighten.
 *
 * @param defaults the limits of a {@code fn} without {@code with}; each at most the ceiling's
 * @param ceiling the largest limits a script may set
 */
public record GuestPolicy(GuestLimits defaults, GuestLimits ceiling) {

    /** {@link GuestLimits#DEFAULT} by default, up to {@link GuestLimits#CEILING}. */
    public static final GuestPolicy DEFAULT = new GuestPolicy(GuestLimits.DEFAULT, GuestLimits.CEILING);

    /** The options of {@code fn ... with { ... }}, for the checker and help. */
    public static final List<Option> OPTIONS = List.of(
            new Option("statements", Type.NUMBER, "most JavaScript statements one call may execute (default 10M)"),
            new Option("wall_s", Type.NUMBER, "longest one call may run, in seconds (default 2)"),
            new Option("heap_mib", Type.NUMBER, "most the used heap may grow during one call, in MiB (default 512)"));

    public GuestPolicy {
        if (defaults == null || ceiling == null) {
            throw new IllegalArgumentException("defaults and ceiling are required");
        }
        if (!defaults.within(ceiling)) {
            throw new IllegalArgumentException("the default guest limits " + defaults + " exceed the ceiling " + ceiling);
        }
    }

    /** A policy whose defaults are also the ceiling: scripts may lower the limits, never raise them. */
    public static GuestPolicy fixed(GuestLimits limits) {
        return new GuestPolicy(limits, limits);
    }

    /**
     * The limits of one {@code fn}: the defaults with the fields of {@code options} replacing theirs.
     *
     * @param options a record with any of {@code statements} (a whole number {@code >= 1}), {@code wall_s}
     *     (seconds, positive and finite) and {@code heap_mib} (MiB, {@code >= 1}); empty for the defaults
     * @throws IllegalArgumentException for another field, a value outside its range, or one above the ceiling
     */
    public GuestLimits limitsFor(RecordValue options) {
        for (String k : options.fields().keySet()) {
            if (OPTIONS.stream().noneMatch(o -> o.name().equals(k))) {
                throw new IllegalArgumentException("fn has no option '" + k + "'; it takes statements, wall_s and heap_mib");
            }
        }
        long statements = number(options, "statements").map(n -> {
            if (n < 1 || n != Math.rint(n)) {
                throw new IllegalArgumentException("statements must be a whole number >= 1, got " + n);
            }
            return (long) n.doubleValue(); // saturates at Long.MAX_VALUE, which the ceiling check then judges
        }).orElse(defaults.statements());
        Duration wall = number(options, "wall_s").map(s -> {
            if (!(s > 0)) {
                throw new IllegalArgumentException("wall_s must be positive, got " + s);
            }
            return Duration.ofNanos(Math.max(1, Math.round(s * 1e9)));
        }).orElse(defaults.wallTime());
        long heap = number(options, "heap_mib").map(m -> {
            if (!(m >= 1)) {
                throw new IllegalArgumentException("heap_mib must be >= 1, got " + m);
            }
            return Math.round(m * (1 << 20));
        }).orElse(defaults.heapBytes());
        if (statements > ceiling.statements()) {
            throw new IllegalArgumentException("statements " + statements + " is above this session's ceiling of "
                    + ceiling.statements());
        }
        if (wall.compareTo(ceiling.wallTime()) > 0) {
            throw new IllegalArgumentException("wall_s " + seconds(wall) + " is above this session's ceiling of "
                    + seconds(ceiling.wallTime()) + " s");
        }
        if (heap > ceiling.heapBytes()) {
            throw new IllegalArgumentException("heap_mib " + (heap >> 20) + " is above this session's ceiling of "
                    + (ceiling.heapBytes() >> 20) + " MiB");
        }
        return new GuestLimits(statements, wall, heap);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static Optional<Double> number(RecordValue options, String name) {
        Optional<Value> v = options.get(name);
        if (v.isPresent() && !(v.get() instanceof NumberValue)) {
            throw new IllegalArgumentException(name + " must be a number, got a " + v.get().type().describe());
        }
        return v.map(n -> ((NumberValue) n).value());
    }
}
