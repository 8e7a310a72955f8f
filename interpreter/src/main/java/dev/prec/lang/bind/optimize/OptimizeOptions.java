package dev.prec.lang.bind.optimize;

import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import dev.prec.optimize.CostModel;
import dev.prec.optimize.PrecisionBinding;
import dev.prec.optimize.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code with { ... }} record of {@code optimize} read into the solver's terms.
 *
 * @param cost the cost model, chosen by {@code cost} or else by the budget's unit
 * @param space precision range or menu, memory cap
 * @param binding how the law's variables receive N, D and P ({@code at} holds the others)
 * @param fixedParams N held fixed, if given
 * @param fixedTokens D held fixed, if given
 * @param fixedBits P held fixed, if given
 */
record OptimizeOptions(CostModel cost, SearchSpace space, PrecisionBinding binding, Optional<Double> fixedParams,
                       Optional<Double> fixedTokens, Optional<Double> fixedBits) {

    /**
     * @throws IllegalArgumentException when options contradict each other or the budget's unit, with a
     *     sentence naming the option
     */
    static OptimizeOptions read(RecordValue o, NumberValue budget, LawValue law) {
        CostModel cost = cost(o, budget.unit());
        SearchSpace space = SearchSpace.defaults();
        double lo = number(o, "min_bits").orElse(space.minBits());
        double hi = number(o, "max_bits").orElse(space.maxBits());
        space = space.withBits(lo, hi);
        if (o.get("menu").isPresent()) {
            space = space.withMenu(menu(o.get("menu").get()));
        }
        Optional<Double> cap = number(o, "memory_cap");
        if (cap.isPresent()) {
            space = space.withMemoryCap(cap.get());
        }
        Map<String, Double> at = new LinkedHashMap<>();
        if (o.get("at").orElse(null) instanceof RecordValue r) {
            r.fields().forEach((k, v) -> {
                if (!law.variables().contains(k)) {
                    throw new IllegalArgumentException("option 'at' names '" + k + "', which is not a variable of law '"
                            + law.name() + "' (" + String.join(", ", law.variables()) + ")");
                }
                at.put(k, asNumber(v, "at." + k));
            });
        }
        Optional<Double> n = number(o, "fixed_params");
        Optional<Double> d = number(o, "fixed_tokens");
        Optional<Double> p = number(o, "fixed_bits");
        if (n.isPresent() && d.isPresent()) {
            throw new IllegalArgumentException("fixed_params and fixed_tokens together leave nothing to choose: the budget"
                    + " fixes the precision; give one of them");
        }
        if (p.isPresent() && (n.isPresent() || d.isPresent())) {
            throw new IllegalArgumentException("fixed_bits goes alone: with N or D also fixed the budget decides everything");
        }
        return new OptimizeOptions(cost, space, PrecisionBinding.defaultFor(law.variables(), at), n, d, p);
    }

    private static CostModel cost(RecordValue o, Unit budgetUnit) {
        if (o.get("cost").orElse(null) instanceof FunctionValue f) {
            return guestCost(f);
        }
        String name = o.get("cost").map(v -> v instanceof StringValue s ? s.value() : "")
                .orElse(budgetUnit == Unit.FLOPS ? "flops" : "bitflops");
        Optional<Double> served = number(o, "served_tokens");
        CostModel model = switch (name) {
            case "bitflops" -> new CostModel.BitFlops();
            case "flops" -> new CostModel.Flops();
            case "inference" -> new CostModel.WithInference(served.orElseThrow(() -> new IllegalArgumentException(
                    "cost \"inference\" needs served_tokens: the tokens the model will generate after training")));
            default -> throw new IllegalArgumentException("unknown cost model \"" + name
                    + "\"; use \"bitflops\", \"flops\" or \"inference\"");
        };
        if (served.isPresent() && !(model instanceof CostModel.WithInference)) {
            throw new IllegalArgumentException("served_tokens needs cost: \"inference\"");
        }
        Unit expected = model instanceof CostModel.Flops ? Unit.FLOPS : Unit.BITFLOPS;
        if (budgetUnit != expected) {
            throw new IllegalArgumentException("cost model " + model.describe() + " measures budgets in "
                    + expected.word() + ", but the budget is in " + budgetUnit.word());
        }
        return model;
    }

    /**
     * A function of (N, D, P) as a cost model: its first three parameters receive N, D and P, and it
     * must return a number in the budget's unit; the author vouches for that unit and for monotonicity.
     */
    private static CostModel guestCost(FunctionValue f) {
        if (f.parameters().size() != 3) {
            throw new IllegalArgumentException("a cost function takes (N, D, P), but " + f.name() + " takes "
                    + f.parameters().size() + " parameters (" + String.join(", ", f.parameters()) + ")");
        }
        List<String> names = f.parameters();
        return new CostModel.Custom(f.name(), p -> {
            Map<String, Value> args = new LinkedHashMap<>();
            args.put(names.get(0), NumberValue.of(p.params()));
            args.put(names.get(1), NumberValue.of(p.tokens()));
            args.put(names.get(2), NumberValue.of(p.bits()));
            if (f.body().apply(new RecordValue(args)) instanceof NumberValue n) {
                return n.value();
            }
            throw new IllegalArgumentException("cost function " + f.name() + " must return a number");
        });
    }

    private static List<Double> menu(Value v) {
        List<Value> items = v instanceof ListValue l ? l.elements() : List.of(v);
        List<Double> bits = new ArrayList<>();
        for (Value item : items) {
            bits.add(switch (item) {
                case PrecisionValue p -> (double) p.bits();
                case QuantValue q -> (double) q.format().bits();
                case FormatValue f -> (double) f.bits();
                default -> asNumber(item, "menu");
            });
        }
        if (bits.isEmpty()) {
            throw new IllegalArgumentException("the menu of precisions is empty");
        }
        return bits;
    }

    private static Optional<Double> number(RecordValue o, String name) {
        return o.get(name).map(v -> asNumber(v, name));
    }

    private static double asNumber(Value v, String name) {
        if (v instanceof NumberValue n) {
            return n.value();
        }
        throw new IllegalArgumentException("option " + name + " must be a number, got a " + v.type().describe());
    }
}
