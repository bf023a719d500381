package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.GoodwillKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A compensation given to make up for a failure (a gift, a waived fee, a discount), on a case of any
 * kind. Counted as after-sales cost of the case and of the machine's dealer.
 *
 * @param approvedBy the supervisor who approved an amount above the recorder's limit; the recorder
 *     themselves when within their own limit
 * @param dealerId the machine's dealer in the archive, or null when the archive does not know it
 */
public record Goodwill(
        String compensationId,
        GoodwillKind kind,
        BigDecimal amount,
        String reason,
        String recordedBy,
        String approvedBy,
        String dealerId,
        Instant recordedAt) {

    public Goodwill {
        Objects.requireNonNull(compensationId, "compensationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a compensation is not negative");
        }
    }
}
