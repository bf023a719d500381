package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One call about a case, as the call log keeps it: the first is the registration, later ones are
 * the customer calling again. Every call is kept, so an unanswered customer is visible.
 *
 * @param callId unique per call (a call retried with an {@code Idempotency-Key} is answered by the chassis
 *     and logged once); cases stored before the chassis kept the keys may show the key here
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
