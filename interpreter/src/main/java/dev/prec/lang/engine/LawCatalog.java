package dev.prec.lang.engine;

import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.RecordValue;
import java.util.Optional;

/**
 * The built-in laws: {@code chinchilla(tie: ...)} and the paper's {@code kumar2024.training},
 * {@code kumar2024.ptq}, {@code kumar2024.unified} with their published constants.
 */
public interface LawCatalog {

    /**
     * @param name the law's script name, e.g. {@code chinchilla} or {@code kumar2024.training}
     * @param options the constructor's named arguments ({@code tie}), empty for the kumar2024 laws
     * @return the law, or empty when the catalog has no law of that name
     */
    Optional<LawValue> law(String name, RecordValue options);
}
