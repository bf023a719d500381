package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.dispatch.WithdrawalReason;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A case taken back from its technician. Before arrival it is cancelled at once; once the
 * technician is on site it waits for their acknowledgement ({@code cancelledAt} null until then), and
 * the door fee rule says whether the trip is paid.
 *
 * @param doorFeeRule the rule applied, in the customer's words; null until cancelled
 * @param doorFeeCharged what the customer pays for the trip; null until cancelled
 */
public record Withdrawal(
        WithdrawalReason reason,
        Instant requestedAt,
        boolean afterArrival,
        String doorFeeRule,
        BigDecimal doorFeeCharged,
        Instant cancelledAt) {

    public boolean pending() {
        return cancelledAt == null;
    }
}
