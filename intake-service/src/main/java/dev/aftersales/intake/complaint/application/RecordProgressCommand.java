package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.TimelineEntry;

/**
 * @param eventId the {@code ce_id} of the event that reported the progress; the dedupe key
 * @param effect what the event does to the case besides its timeline line
 * @param round the follow-up round a satisfaction report is about (0 when unknown)
 * @param reason why the customer was not satisfied, for {@link Effect#DISSATISFIED}
 */
public record RecordProgressCommand(
        String complaintId, String eventId, TimelineEntry entry, Effect effect, int round, String reason) {

    public enum Effect {
        /** A timeline line only. */
        NONE,
        /** Someone answered the customer (the technician phoned and agreed a window): first-answer clock met. */
        ANSWERED,
        /** The technician arrived: on-site clock met. */
        ON_SITE,
        /** Follow-up found the customer satisfied: the case closes. */
        SATISFIED,
        /** Follow-up found the customer not satisfied: the case reopens. */
        DISSATISFIED
    }
}
