package dev.prec.lang.check;

import dev.prec.lang.ast.Action;
import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.Field;
import dev.prec.lang.ast.Name;
import dev.prec.lang.ast.Quantity;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.Constant;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Types expressions: one exhaustive switch over the expression nodes. */
final class ExprChecker {
    private final CheckContext ctx;
    private final CallChecker calls;
    private final DomainChecker domain;
    private final ActionChecker actions;

    ExprChecker(CheckContext ctx) {
        this.ctx = ctx;
        this.calls = new CallChecker(ctx, this);
        this.domain = new DomainChecker(ctx, this);
        this.actions = new ActionChecker(ctx, this, domain);
    }

    CheckContext context() {
        return ctx;
    }

    DomainChecker domain() {
        return domain;
    }

    Type type(Expr e, Scope scope) {
        return switch (e) {
            case Expr.Num n -> Type.number(unitOf(n.quantity().unit()));
            case Expr.Str s -> Type.STRING;
            case Expr.Bool b -> Type.BOOL;
            case Expr.Ref r -> ref(r.name(), scope);
            case Expr.ListLit l -> list(l, scope);
            case Expr.RecordLit r -> record(r, scope);
            case Expr.RangeLit r -> range(r, scope);
            case Expr.Unary u -> unary(u, scope);
            case Expr.Binary b -> Operators.binary(ctx, b, type(b.left(), scope), type(b.right(), scope));
            case Expr.Between b -> between(b, scope);
            case Expr.Call c -> calls.call(c, scope);
            case Expr.Member m -> member(m, scope);
            case Expr.Index i -> index(i, scope);
            case Expr.Qualified q -> domain.qualified(q, scope);
            case Expr.Where w -> where(w, scope);
            case Expr.With w -> domain.with(w, scope);
            case Action a -> actions.action(a, scope);
        };
    }

    static Unit unitOf(Quantity.Unit u) {
        return Unit.valueOf(u.name());
    }

    /** Checks {@code e} and that it may stand where {@code expected} is wanted. */
    Type expect(Expr e, Scope scope, Type expected, String what) {
        Type t = type(e, scope);
        return ctx.expect(expected, t, e.span(), what) ? t : Type.ERROR;
    }

    Type ref(Name name, Scope scope) {
        Optional<Scope.Symbol> s = scope.lookup(name.text());
        if (s.isPresent()) {
            return s.get().type();
        }
        Optional<Constant> c = Builtins.constant(name.text());
        if (c.isPresent()) {
            c.get().needs().ifPresent(ctx::need);
            return c.get().type();
        }
        if (Builtins.function(name.text()).isPresent()) {
            return Type.of(Type.Kind.FUNCTION);
        }
        if (scope.isOpen()) {
            return Type.ANY;
        }
        List<String> candidates = new ArrayList<>(scope.names());
        candidates.addAll(Builtins.names());
        return ctx.unknown(name.span(), "name", name.text(), candidates);
    }

    private Type list(Expr.ListLit l, Scope scope) {
        List<Type> types = new ArrayList<>();
        for (Expr item : l.items()) {
            types.add(type(item, scope));
        }
        return new Type.ListOf(join(types, l));
    }

    /** The common element type of a list; numbers must agree on their unit. */
    private Type join(List<Type> types, Expr.ListLit l) {
        Type joined = null;
        for (int i = 0; i < types.size(); i++) {
            Type t = types.get(i);
            if (t.isLoose()) {
                continue;
            }
            if (joined == null) {
                joined = t;
            } else if (joined instanceof Type.Num a && t instanceof Type.Num b) {
                Optional<Unit> u = Unit.ofSum(a.unit(), b.unit());
                if (u.isEmpty()) {
                    ctx.error(l.items().get(i).span(), "unit", "this list mixes " + a.unit().word() + " and "
                            + b.unit().word(), "");
                    return Type.ERROR;
                }
                joined = Type.number(u.get());
            } else if (!joined.equals(t)) {
                joined = Type.ANY;
            }
        }
        return joined == null ? Type.ANY : joined;
    }

    private Type record(Expr.RecordLit r, Scope scope) {
        Map<String, Type> fields = new LinkedHashMap<>();
        for (Field f : r.fields()) {
            Type t = type(f.value(), scope);
            if (fields.containsKey(f.key().text())) {
                ctx.error(f.key().span(), "duplicate", "field '" + f.key().text() + "' is given twice", "");
            }
            fields.put(f.key().text(), t);
        }
        return new Type.Rec(fields);
    }

    private Type range(Expr.RangeLit r, Scope scope) {
        Type from = expect(r.from(), scope, Type.NUMBER, "the start of a range");
        Type to = expect(r.to(), scope, Type.NUMBER, "the end of a range");
        r.step().ifPresent(s -> expect(s, scope, Type.NUMBER, "the step of a range"));
        if (from instanceof Type.Num a && to instanceof Type.Num b && Unit.ofSum(a.unit(), b.unit()).isEmpty()) {
            return ctx.error(r.span(), "unit", "a range from " + a.unit().word() + " to " + b.unit().word()
                    + " mixes units", "");
        }
        return Type.of(Type.Kind.RANGE);
    }

    private Type unary(Expr.Unary u, Scope scope) {
        return switch (u.operator()) {
            case NEGATE -> expect(u.operand(), scope, Type.NUMBER, "the operand of '-'");
            case NOT -> {
                expect(u.operand(), scope, Type.BOOL, "the operand of 'not'");
                yield Type.BOOL;
            }
            default -> ctx.error(u.span(), "type", "'" + u.operator().symbol() + "' is not a unary operator", "");
        };
    }

    private Type between(Expr.Between b, Scope scope) {
        Type v = expect(b.value(), scope, Type.NUMBER, "the value tested by 'between'");
        Type lo = expect(b.low(), scope, Type.NUMBER, "the lower limit of 'between'");
        Type hi = expect(b.high(), scope, Type.NUMBER, "the upper limit of 'between'");
        for (Type limit : List.of(lo, hi)) {
            if (v instanceof Type.Num a && limit instanceof Type.Num l && !a.unit().accepts(l.unit())) {
                return ctx.error(b.span(), "unit", "'between' compares " + a.unit().word() + " with "
                        + l.unit().word(), "");
            }
        }
        return Type.BOOL;
    }

    private Type member(Expr.Member m, Scope scope) {
        Type owner = type(m.target(), scope);
        String name = m.member().text();
        Optional<Map<String, Type>> members = MemberTypes.of(owner);
        if (members.isEmpty()) {
            return MemberTypes.dynamic(owner, name);
        }
        Type t = members.get().get(name);
        if (t != null) {
            return t;
        }
        if (members.get().isEmpty()) {
            return ctx.error(m.member().span(), "unknown-member", "a " + owner.describe() + " has no members", "");
        }
        return ctx.error(m.member().span(), "unknown-member", "a " + owner.describe() + " has no member '" + name + "'",
                Hints.didYouMean(name, members.get().keySet()));
    }

    private Type index(Expr.Index i, Scope scope) {
        Type target = type(i.target(), scope);
        expect(i.index(), scope, Type.NUMBER, "an index");
        return switch (target) {
            case Type.ListOf l -> l.element();
            case Type.Simple s when s.kind() == Type.Kind.RUNS -> new Type.Rec(Map.of());
            case Type.Simple s when s.kind() == Type.Kind.RANGE -> Type.NUMBER;
            default -> target.isLoose() ? Type.ANY
                    : ctx.error(i.span(), "type", "a " + target.describe() + " cannot be indexed", "");
        };
    }

    /**
     * Keeps the rows of a run table, the points of a sweep or the elements of a list where the
     * condition holds. Over a sweep record the columns are its axes, each of its element type; over
     * runs they are known at run time only.
     */
    Type where(Expr.Where w, Scope scope) {
        Type source = type(w.source(), scope);
        Scope columns;
        if (source instanceof Type.Rec r) {
            columns = scope.child();
            Set<String> seen = new HashSet<>();
            r.fields().forEach((k, v) -> {
                if (seen.add(k)) {
                    columns.define(k, new Scope.Symbol(elementOf(v), w.span(), false));
                }
            });
        } else {
            columns = scope.openChild();
        }
        expect(w.condition(), columns, Type.BOOL, "a 'where' condition");
        return source;
    }

    /** The type of one element of a sweep axis: the element of a list, a number of a range, else itself. */
    static Type elementOf(Type t) {
        if (t instanceof Type.ListOf l) {
            return l.element() instanceof Type.ListOf inner ? inner.element() : l.element();
        }
        if (t.equals(Type.of(Type.Kind.RANGE))) {
            return Type.NUMBER;
        }
        return t;
    }
}
