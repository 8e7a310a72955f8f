package dev.prec.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The right to train one run, held until it is finished, failed, diverged or released. Every
 * write made under a claim checks the owner still holds it.
 *
 * @param spec the run claimed
 * @param owner who holds it
 * @param resumeCheckpoint the checkpoint an earlier attempt left, to resume from
 */
public record Claim(RunSpec spec, Owner owner, Optional<String> resumeCheckpoint) {

    public Claim {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(resumeCheckpoint, "resumeCheckpoint");
    }

    /** @return the claimed run's key */
    public String key() {
        return spec.key();
    }
}
