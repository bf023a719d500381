package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.TimelineEntry;

/**
 * @param actionId the action of the agreed resolution the event moves ({@link Effect#GOODS_SHIPPED},
 *     {@link Effect#ACTION_DONE}), else null
 * @param reference the event's evidence for that action: a waybill, the revisit's assignment
 * @param by who moved it: the dealer's user who shipped, the technician who revisited
 * @param eventId the {@code ce_id} of the event that reported the progress; the dedupe key
 * @param effect what the event does to the case besides its timeline line
 * @param round the follow-up round a satisfaction report is about (0 when unknown)
 * @param reason why the customer was not satisfied, for {@link Effect#DISSATISFIED}
 */
public record RecordProgressCommand(
        String complaintId,
        String eventId,
        TimelineEntry entry,
        Effect effect,
        int round,
        String reason,
        String actionId,
        String reference,
        String by) {

    public RecordProgressCommand(
            String complaintId, String eventId, TimelineEntry entry, Effect effect, int round, String reason) {
        this(complaintId, eventId, entry, effect, round, reason, null, null, null);
    }

    /** An event that moves an action of the case's agreed resolution. */
    public static RecordProgressCommand ofAction(
            String complaintId,
            String eventId,
            TimelineEntry entry,
            Effect effect,
            String actionId,
            String reference,
            String by) {
        return new RecordProgressCommand(complaintId, eventId, entry, effect, 0, null, actionId, reference, by);
    }

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
        DISSATISFIED,
        /** Parts reports the goods of a replacement action shipped; an agent then confirms receipt. */
        GOODS_SHIPPED,
        /** The event carried out an action (a revisit completed): the action is done. */
        ACTION_DONE
    }
}
