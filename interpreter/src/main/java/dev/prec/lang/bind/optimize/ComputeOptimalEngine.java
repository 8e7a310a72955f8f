package dev.prec.lang.bind.optimize;

import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.OptimizeEngine;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Unit;
import dev.prec.lang.value.Value;
import dev.prec.optimize.CriticalData;
import dev.prec.optimize.LossSurface;
import dev.prec.optimize.Optimum;
import dev.prec.optimize.Point;
import dev.prec.optimize.Solver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code optimize law for budget C [with {...}]}: the law (built-in, fitted or written in the
 * script, through its form) becomes a {@link LossSurface}, the options a cost model and search
 * space, and the problem (joint, P fixed, N fixed or D fixed) goes to {@link Solver}.
 *
 * <p>The optimum's fields: {@code params} (N*), {@code tokens} (D*), {@code bits} (P*, continuous),
 * {@code precision} (P* rounded to a whole-bit integer format for weights, activations and KV
 * cache), {@code loss}, {@code cost} (in the budget's unit), {@code tokens_per_param},
 * {@code problem}, {@code notes}, and {@code critical_tokens} (D_crit at N* and P*) when the law has
 * a post-training precision held by {@code at} and the loss has a minimum in D.
 *
 * <p>When the law came from a fit with {@code bootstrap: n}, the same problem is solved for every
 * bootstrap sample ({@link BootstrapOptima}) and the field {@code intervals} holds percentile
 * intervals of {@code params}, {@code tokens}, {@code bits}, {@code loss} and
 * {@code tokens_per_param} ({@code best.intervals.bits.lower}), with {@code level}, {@code samples}
 * and {@code infeasible}.
 */
public final class ComputeOptimalEngine implements OptimizeEngine {

    /** Narrowest and widest integer formats the language has ({@link FormatValue#integer}). */
    private static final int MIN_INT_BITS = 2;
    private static final int MAX_INT_BITS = 16;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public ComputeOptimalEngine() {
    }

    @Override
    public OptimumValue optimize(Request request, ActionContext context) {
        LawValue law = request.law();
        if (!law.isFitted()) {
            throw new IllegalArgumentException("law '" + law.name() + "' has no parameter values yet; fit it first");
        }
        double budget = request.budget().value();
        OptimizeOptions o = OptimizeOptions.read(request.options(), request.budget(), law);
        LossSurface surface = LossSurface.of(law.variables(), vars -> law.form().loss(vars, law.values()), o.binding());
        Solver solver = new Solver(surface, o.cost(), o.space());
        context.checkCancelled();
        Function<Solver, Optimum> problem = s -> solve(s, o, budget);
        Optimum best = problem.apply(solver);
        RecordValue fields = fields(best, request.budget().unit(), o, surface);
        if (request.fit().isPresent()) {
            context.report(new ProgressEvent("optimize", 0, 1, best.problem() + ": solving per bootstrap sample"));
            Optional<RecordValue> intervals = BootstrapOptima.of(request.fit().get(), o, problem, context);
            if (intervals.isPresent()) {
                fields = fields.with("intervals", intervals.get());
            }
        }
        context.report(new ProgressEvent("optimize", 1, 1, best.problem() + ": loss " + best.loss()));
        return new OptimumValue(fields);
    }

    /** The problem the options pose: P, N or D fixed, else joint. */
    private static Optimum solve(Solver solver, OptimizeOptions o, double budget) {
        if (o.fixedBits().isPresent()) {
            return solver.fixedPrecision(o.fixedBits().get(), budget);
        }
        if (o.fixedParams().isPresent()) {
            return solver.fixedParams(o.fixedParams().get(), budget);
        }
        if (o.fixedTokens().isPresent()) {
            return solver.fixedTokens(o.fixedTokens().get(), budget);
        }
        return solver.joint(budget);
    }

    private static RecordValue fields(Optimum best, Unit budgetUnit, OptimizeOptions o, LossSurface surface) {
        Point p = best.point();
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("params", new NumberValue(p.params(), Unit.PARAMS));
        m.put("tokens", new NumberValue(p.tokens(), Unit.TOKENS));
        m.put("bits", new NumberValue(p.bits(), Unit.BITS));
        // The formats library's integers span 2 to 16 bits; the exact P stays in "bits".
        long whole = Math.round(p.bits());
        int format = (int) Math.max(MIN_INT_BITS, Math.min(MAX_INT_BITS, whole));
        m.put("precision", PrecisionValue.uniform(QuantValue.of(FormatValue.integer(format))));
        m.put("loss", NumberValue.of(best.loss()));
        m.put("cost", new NumberValue(best.cost(), budgetUnit));
        m.put("tokens_per_param", NumberValue.of(p.tokensPerParam()));
        m.put("problem", new StringValue(best.problem()));
        List<Value> notes = new ArrayList<>(best.notes().stream().map(n -> (Value) new StringValue(n)).toList());
        if (format != whole) {
            notes.add(new StringValue("P* = " + p.bits() + " bits has no integer format; precision shows int" + format));
        }
        m.put("notes", new ListValue(notes));
        boolean post = o.binding().fixed().keySet().stream().anyMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("post"));
        if (post) {
            try {
                double dCrit = CriticalData.tokens(surface, p.params(), p.bits(), o.space().withTokens(1, 1e30));
                m.put("critical_tokens", new NumberValue(dCrit, Unit.TOKENS));
            } catch (IllegalArgumentException noMinimum) {
                // the loss keeps falling with D inside the range: there is no critical data size to report
            }
        }
        return new RecordValue(m);
    }
}
