package dev.prec.lang.check;

import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The members a value of each type has, as the checker sees them. The evaluator's {@code Members}
 * gives the same names at run time.
 */
final class MemberTypes {
    private MemberTypes() {
    }

    /**
     * The members of {@code owner} with their types; empty when the members are only known at run
     * time (the caller then accepts any member); an empty map when the type has no members at all.
     */
    static Optional<Map<String, Type>> of(Type owner) {
        Map<String, Type> m = new LinkedHashMap<>();
        switch (owner) {
            case Type.Rec r -> m.putAll(r.fields());
            case Type.Simple s -> {
                switch (s.kind()) {
                    case PRECISION -> {
                        for (String role : List.of("weights", "activations", "kv", "post")) {
                            m.put(role, Type.of(Type.Kind.QUANT));
                        }
                        m.put("bits", Type.number(Unit.BITS));
                    }
                    case QUANT -> {
                        m.put("format", Type.of(Type.Kind.FORMAT));
                        m.put("granularity", Type.of(Type.Kind.GRANULARITY));
                        m.put("rounding", Type.of(Type.Kind.ROUNDING));
                        m.put("bits", Type.number(Unit.BITS));
                    }
                    case FORMAT -> {
                        m.put("name", Type.STRING);
                        m.put("bits", Type.number(Unit.BITS));
                        m.put("exponent", Type.NUMBER);
                        m.put("mantissa", Type.NUMBER);
                    }
                    case MODEL -> {
                        for (Param p : Builtins.function("transformer").orElseThrow().signature().params()) {
                            m.put(p.name(), p.type());
                        }
                        m.put("name", Type.STRING);
                        m.put("params", Type.number(Unit.PARAMS));
                    }
                    case SWEEP -> {
                        m.put("runs", Type.NUMBER);
                        m.put("axes", new Type.ListOf(Type.STRING));
                        m.put("points", new Type.ListOf(new Type.Rec(Map.of())));
                    }
                    case PLOT -> m.put("path", Type.STRING);
                    case DATA, RUNS, LAW, FIT, SCHEDULE, METHOD, OPTIMUM -> {
                        return Optional.empty();
                    }
                    default -> {
                    }
                }
            }
            case Type.Any a -> {
                return Optional.empty();
            }
            case Type.Error e -> {
                return Optional.empty();
            }
            default -> {
            }
        }
        return Optional.of(m);
    }

    /**
     * The type of a member whose owner's members are only known at run time. An optimum always has
     * {@code params}, {@code tokens}, {@code precision} and {@code loss}; engines may add more.
     */
    static Type dynamic(Type owner, String member) {
        if (owner instanceof Type.Simple s && s.kind() == Type.Kind.OPTIMUM) {
            return switch (member) {
                case "params" -> Type.number(Unit.PARAMS);
                case "tokens" -> Type.number(Unit.TOKENS);
                case "precision" -> Type.of(Type.Kind.PRECISION);
                case "loss" -> Type.NUMBER;
                default -> Type.ANY;
            };
        }
        if (owner instanceof Type.Simple s && s.kind() == Type.Kind.RUNS && member.equals("count")) {
            return Type.NUMBER;
        }
        return Type.ANY;
    }
}
