package dev.prec.law;

import java.util.Objects;

/**
 * A condition a law needs to be meaningful: {@code mustBePositive > 0}, e.g. {@code f_a(P_a) > 0}.
 * Evaluation outside it reports {@code reason} instead of a number.
 *
 * @param mustBePositive an expression that is strictly positive inside the domain
 * @param reason what is wrong when it is not, e.g. "f_a(P_a) <= 0: activation precision below the
 *     law's range"; non-blank
 */
public record DomainCondition(Expr mustBePositive, String reason) {
    public DomainCondition {
        Objects.requireNonNull(mustBePositive, "mustBePositive");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must be non-blank");
        }
    }
}
