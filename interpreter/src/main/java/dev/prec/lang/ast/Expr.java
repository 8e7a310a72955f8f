package dev.prec.lang.ast;

import dev.prec.lang.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An expression. Actions that produce values ({@code train}, {@code fit}, ...) are {@link Action}s. */
public sealed interface Expr
        permits Expr.Num, Expr.Str, Expr.Bool, Expr.Ref, Expr.ListLit, Expr.RecordLit, Expr.RangeLit,
                Expr.Unary, Expr.Binary, Expr.Between, Expr.Call, Expr.Member, Expr.Index, Expr.Qualified,
                Expr.Where, Expr.With, Action {

    /** The whole expression. */
    Span span();

    /**
     * The direct subexpressions of {@code e}, in source order: operands, arguments (positional, then
     * named values), field values, clause parts. For generic walks; phases that care about roles
     * switch on the node instead.
     */
    static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        switch (e) {
            case Num n -> { }
            case Str s -> { }
            case Bool b -> { }
            case Ref r -> { }
            case ListLit l -> out.addAll(l.items());
            case RecordLit r -> r.fields().forEach(f -> out.add(f.value()));
            case RangeLit r -> {
                out.add(r.from());
                out.add(r.to());
                r.step().ifPresent(out::add);
            }
            case Unary u -> out.add(u.operand());
            case Binary b -> out.addAll(List.of(b.left(), b.right()));
            case Between b -> out.addAll(List.of(b.value(), b.low(), b.high()));
            case Call c -> {
                out.add(c.callee());
                out.addAll(c.args());
                c.named().forEach(n -> out.add(n.value()));
            }
            case Member m -> out.add(m.target());
            case Index i -> out.addAll(List.of(i.target(), i.index()));
            case Qualified q -> {
                out.add(q.format());
                q.granularity().flatMap(Granularity::groupSize).ifPresent(out::add);
            }
            case Where w -> out.addAll(List.of(w.source(), w.condition()));
            case With w -> out.addAll(List.of(w.base(), w.overrides()));
            case Action.Train t -> {
                out.addAll(List.of(t.sweep(), t.data()));
                t.options().ifPresent(out::add);
            }
            case Action.Quantize q -> {
                out.addAll(List.of(q.runs(), q.formats()));
                q.method().ifPresent(out::add);
            }
            case Action.Fit f -> {
                out.addAll(List.of(f.law(), f.data()));
                f.options().ifPresent(out::add);
            }
            case Action.Predict p -> out.addAll(List.of(p.law(), p.point()));
            case Action.Optimize o -> {
                out.addAll(List.of(o.law(), o.budget()));
                o.options().ifPresent(out::add);
            }
            case Action.Plan p -> out.add(p.target());
        }
        return out;
    }

    /**
     * A number literal: {@code 30M}, {@code 26B tokens}, {@code 6.2e-4}, {@code 10%}.
     *
     * @param quantity value (scaled), scale suffix and unit
     * @param text the literal as written, e.g. {@code "26B tokens"}
     * @param span the literal
     */
    record Num(Quantity quantity, String text, Span span) implements Expr {
        public Num {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * A string literal, escapes ({@code \"}, {@code \\}, {@code \n}, {@code \t}) already resolved.
     *
     * @param value the string's characters
     * @param span the literal including quotes
     */
    record Str(String value, Span span) implements Expr {
        public Str {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code true} or {@code false}.
     *
     * @param value the truth value
     * @param span the literal
     */
    record Bool(boolean value, Span span) implements Expr {
        public Bool {
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * A name used as a value: a declared name, a built-in, or (inside {@code where}) a column.
     *
     * @param name the name and its span
     */
    record Ref(Name name) implements Expr {
        public Ref {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Span span() {
            return name.span();
        }
    }

    /**
     * {@code [1M, 2M, 4M]}.
     *
     * @param items the elements, in order
     * @param span from '[' to ']'
     */
    record ListLit(List<Expr> items, Span span) implements Expr {
        public ListLit {
            items = List.copyOf(items);
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code { weights: int(4) per_channel, kv: int(8) }}; fields may also be separated by newlines.
     *
     * @param fields the entries, in order (duplicates are the checker's to report)
     * @param span from '{' to '}'
     */
    record RecordLit(List<Field> fields, Span span) implements Expr {
        public RecordLit {
            fields = List.copyOf(fields);
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * An inclusive range {@code 1..8} or {@code 1..9 by 2}.
     *
     * @param from the first value
     * @param to the last value (included when the steps land on it)
     * @param step the step, if written
     * @param span the whole range
     */
    record RangeLit(Expr from, Expr to, Optional<Expr> step, Span span) implements Expr {
        public RangeLit {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code -x} or {@code not x}.
     *
     * @param operator {@link Operator#NEGATE} or {@link Operator#NOT}
     * @param operand the operand
     * @param span operator and operand
     */
    record Unary(Operator operator, Expr operand, Span span) implements Expr {
        public Unary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(span, "span");
            if (!operator.isUnary()) {
                throw new IllegalArgumentException("not a unary operator: " + operator);
            }
        }
    }

    /**
     * Arithmetic, comparison, {@code in}, {@code and}, {@code or}.
     *
     * @param operator the operator
     * @param left the left operand
     * @param right the right operand
     * @param operatorSpan the operator token, the place to blame for a type or unit mismatch
     * @param span both operands
     */
    record Binary(Operator operator, Expr left, Expr right, Span operatorSpan, Span span) implements Expr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(operatorSpan, "operatorSpan");
            Objects.requireNonNull(span, "span");
            if (operator.isUnary()) {
                throw new IllegalArgumentException("not a binary operator: " + operator);
            }
        }
    }

    /**
     * {@code x between low and high}, both limits included.
     *
     * @param value the tested value
     * @param low the lower limit
     * @param high the upper limit
     * @param span the whole test
     */
    record Between(Expr value, Expr low, Expr high, Span span) implements Expr {
        public Between {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code synthetic(vocab: 128, order: 3)}, {@code int(4)}, {@code kumar2024.ptq(x)}.
     *
     * @param callee what is called, usually a {@link Ref} or a {@link Member}
     * @param args the positional arguments, in order
     * @param named the named arguments, in order, after the positional ones
     * @param span from the callee to ')'
     */
    record Call(Expr callee, List<Expr> args, List<NamedArg> named, Span span) implements Expr {
        public Call {
            Objects.requireNonNull(callee, "callee");
            args = List.copyOf(args);
            named = List.copyOf(named);
            Objects.requireNonNull(span, "span");
        }

        /** The called name with its span ({@code fit} in {@code fit(...)}, {@code ptq} in {@code k.ptq(...)}). */
        public Optional<Name> calleeName() {
            return switch (callee) {
                case Ref r -> Optional.of(r.name());
                case Member m -> Optional.of(m.member());
                default -> Optional.empty();
            };
        }
    }

    /**
     * {@code best.precision}.
     *
     * @param target the value whose member is read
     * @param member the member's name
     * @param span target and member
     */
    record Member(Expr target, Name member, Span span) implements Expr {
        public Member {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code runs[0]}.
     *
     * @param target the list or table
     * @param index the index
     * @param span target through ']'
     */
    record Index(Expr target, Expr index, Span span) implements Expr {
        public Index {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * A number format with a granularity and/or rounding: {@code int(4) per_channel},
     * {@code fp8_e4m3 per_group(32) stochastic}. At least one qualifier is present.
     *
     * @param format the format expression
     * @param granularity the granularity, if written
     * @param rounding the rounding, if written
     * @param span the format and its qualifiers
     * @throws IllegalArgumentException if neither qualifier is present
     */
    record Qualified(Expr format, Optional<Granularity> granularity, Optional<Rounding> rounding, Span span)
            implements Expr {
        public Qualified {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(granularity, "granularity");
            Objects.requireNonNull(rounding, "rounding");
            Objects.requireNonNull(span, "span");
            if (granularity.isEmpty() && rounding.isEmpty()) {
                throw new IllegalArgumentException("a qualified format needs a granularity or a rounding");
            }
        }
    }

    /**
     * {@code runs where precision == bf16}: keeps the rows (or sweep points) where the condition
     * holds; inside the condition, bare names refer to columns.
     *
     * @param source the table, list or sweep filtered
     * @param condition the condition
     * @param span source through condition
     */
    record Where(Expr source, Expr condition, Span span) implements Expr {
        public Where {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code small with { width: [32, 64] }}: a copy of {@code base} with fields overridden; a list
     * value makes a family.
     *
     * @param base the value copied
     * @param overrides the overriding record (or an expression evaluating to one)
     * @param span base through overrides
     */
    record With(Expr base, Expr overrides, Span span) implements Expr {
        public With {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(overrides, "overrides");
            Objects.requireNonNull(span, "span");
        }
    }
}
