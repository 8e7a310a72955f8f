package dev.prec.lang.bind.optimize;

import dev.prec.lang.engine.LawCatalog;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.law.Constraint;
import dev.prec.law.Evaluation;
import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.util.List;
import java.util.Optional;

/**
 * The law library's registry as a catalog, for tests on a build where no {@link LawCatalog} is
 * installed yet: the real laws and published constants, evaluated by the real law library.
 */
final class RegistryCatalog implements LawCatalog {

    @Override
    public Optional<LawValue> law(String name, RecordValue options) {
        return LawRegistry.find(name).map(RegistryCatalog::value);
    }

    static LawValue value(Law law) {
        List<LawValue.Param> params = law.parameters().stream().map(p -> switch (p.constraint()) {
            case Constraint.Positive pos -> new LawValue.Param(p.name(), 0, Double.POSITIVE_INFINITY);
            case Constraint.Bounded b -> new LawValue.Param(p.name(), b.lo(), b.hi());
            case Constraint.Free f -> new LawValue.Param(p.name(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }).toList();
        LawValue.Form form = (vars, values) -> switch (law.at(values).evaluate(vars)) {
            case Evaluation.Value v -> v.loss();
            case Evaluation.OutsideDomain o -> Double.NaN;
        };
        return new LawValue(law.name(), law.variables(), params, form, law.published());
    }
}
