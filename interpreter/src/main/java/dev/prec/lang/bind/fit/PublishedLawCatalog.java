package dev.prec.lang.bind.fit;

import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import dev.prec.lang.engine.LawCatalog;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.RecordValue;
import java.util.Optional;

/**
 * The built-in laws of {@link LawRegistry} under their script names, with their published
 * constants as values. {@code chinchilla(tie: true)} is Kumar et al.'s tied base law
 * ({@code chinchilla.tied}); {@code chinchilla()} is Hoffmann et al.'s.
 */
public final class PublishedLawCatalog implements LawCatalog {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public PublishedLawCatalog() {
    }

    @Override
    public Optional<LawValue> law(String name, RecordValue options) {
        boolean tie = options.get("tie").filter(v -> v instanceof BoolValue).map(v -> ((BoolValue) v).value())
                .orElse(false);
        String registryName = name.equals("chinchilla") && tie ? "chinchilla.tied" : name;
        return LawRegistry.find(registryName).map(PublishedLawCatalog::published);
    }

    /** The law with those of its parameters that have published values set. */
    private static LawValue published(Law law) {
        return LibraryForm.value(law, law.name(), law.published());
    }
}
