package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One call about a case, as the call log keeps it: the first is the registration, later ones are
 * the customer calling again. Every call is kept, so an unanswered customer is visible.
 *
 * @param callId the idempotency key of the call when the caller's software sent one, else generated
 * @param note what the customer said this time (symptoms), may be empty
 */
public record CallRecord(String callId, Instant at, String takenBy, Channel channel, String note) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(takenBy, "takenBy");
        note = note == null ? "" : note;
    }
}
