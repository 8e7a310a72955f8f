package dev.prec.lang.bind.fit;

import dev.prec.law.Evaluation;
import dev.prec.law.Law;
import dev.prec.lang.value.LawValue;
import java.util.Map;

/**
 * The form of a library law: its compiled expression tree, evaluated with its domain checks. Kept
 * on the {@link LawValue} so the fitter reuses the tree instead of recompiling.
 *
 * @param law the library law
 */
record LibraryForm(Law law) implements LawValue.Form {
    LibraryForm {
        if (law == null) {
            throw new IllegalArgumentException("law is required");
        }
    }

    @Override
    public double loss(Map<String, Double> variables, Map<String, Double> params) {
        return switch (law.at(params).evaluate(variables)) {
            case Evaluation.Value v -> v.loss();
            case Evaluation.OutsideDomain outside -> Double.NaN;
        };
    }

    /** The script-side value of {@code law} with {@code values} (empty when unfitted). */
    static LawValue value(Law law, String name, Map<String, Double> values) {
        return new LawValue(name, law.variables(), law.parameters().stream().map(LibraryForm::param).toList(),
                new LibraryForm(law), values);
    }

    private static LawValue.Param param(dev.prec.law.Parameter p) {
        return switch (p.constraint()) {
            case dev.prec.law.Constraint.Positive positive -> new LawValue.Param(p.name(), 0, Double.POSITIVE_INFINITY);
            case dev.prec.law.Constraint.Bounded b -> new LawValue.Param(p.name(), b.lo(), b.hi());
            case dev.prec.law.Constraint.Free free ->
                    new LawValue.Param(p.name(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        };
    }
}
