package dev.prec.lang.value;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the checker knows about a value before the script runs.
 *
 * <p>{@link Error} is the type of an expression that already produced a diagnostic: it is accepted
 * everywhere and accepts everything, so one mistake is reported once, not once per use.
 */
public sealed interface Type {

    /** Types with no parameters. */
    enum Kind {
        STRING("string"), BOOL("bool"), RANGE("range"), FORMAT("format"), GRANULARITY("granularity"),
        ROUNDING("rounding"), QUANT("quantizer"), PRECISION("precision"), MODEL("model"), DATA("data"),
        SWEEP("sweep"), RUNS("run table"), LAW("law"), FIT("fit result"), OPTIMUM("optimum"),
        PLOT("plot"), FUNCTION("function"), METHOD("quantization method"), SCHEDULE("schedule"),
        NOTHING("nothing");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A number in {@code unit}. */
    record Num(Unit unit) implements Type {
        public Num {
            if (unit == null) {
                throw new IllegalArgumentException("unit must not be null (use Unit.NONE)");
            }
        }
    }

    /** A list whose elements all have type {@code element}. */
    record ListOf(Type element) implements Type {
        public ListOf {
            if (element == null) {
                throw new IllegalArgumentException("element type must not be null");
            }
        }
    }

    /** A record with the given fields, sorted by name. */
    record Rec(Map<String, Type> fields) implements Type {
        public Rec {
            fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
        }
    }

    /** One of the parameterless kinds. */
    record Simple(Kind kind) implements Type {
        public Simple {
            if (kind == null) {
                throw new IllegalArgumentException("kind must not be null");
            }
        }
    }

    /** Unknown until run time (values a host passes in, table columns); checks are deferred. */
    record Any() implements Type {
    }

    /** The type of an expression already reported as wrong; silences follow-on errors. */
    record Error() implements Type {
    }

    Type NUMBER = new Num(Unit.NONE);
    Type STRING = new Simple(Kind.STRING);
    Type BOOL = new Simple(Kind.BOOL);
    Type ANY = new Any();
    Type ERROR = new Error();
    Type NOTHING = new Simple(Kind.NOTHING);

    static Type of(Kind kind) {
        return new Simple(kind);
    }

    static Type number(Unit unit) {
        return new Num(unit);
    }

    /** True when this type or one of its parts is {@link Any} or {@link Error}. */
    default boolean isLoose() {
        return this instanceof Any || this instanceof Error;
    }

    /**
     * True when a value of type {@code actual} may stand where this type is expected. Formats and
     * quantizers are accepted as precisions (a bare {@code bf16} means "everything in bf16"), a record
     * as a precision (checked field by field elsewhere), a plain value as a list of one.
     */
    default boolean accepts(Type actual) {
        if (isLoose() || actual.isLoose()) {
            return true;
        }
        return switch (this) {
            case Num n -> actual instanceof Num a && n.unit().accepts(a.unit());
            case ListOf l -> actual instanceof ListOf a ? l.element().accepts(a.element())
                    : actual.equals(of(Kind.RANGE)) ? l.element().accepts(NUMBER) : l.element().accepts(actual);
            case Rec r -> actual instanceof Rec;
            case Simple s -> switch (s.kind()) {
                case PRECISION -> actual instanceof Rec || actual.equals(this)
                        || actual.equals(of(Kind.FORMAT)) || actual.equals(of(Kind.QUANT));
                case QUANT -> actual.equals(this) || actual.equals(of(Kind.FORMAT));
                case MODEL -> actual.equals(this) || actual.equals(new ListOf(this));
                default -> actual.equals(this);
            };
            case Any a -> true;
            case Error e -> true;
        };
    }

    /** The type as a user reads it: "number in tokens", "list of model". */
    default String describe() {
        return switch (this) {
            case Num n -> n.unit() == Unit.NONE ? "number" : "number in " + n.unit().word();
            case ListOf l -> "list of " + l.element().describe();
            case Rec r -> "record";
            case Simple s -> s.kind().word();
            case Any a -> "any value";
            case Error e -> "an erroneous value";
        };
    }
}
