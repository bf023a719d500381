package dev.aftersales.intake.complaint.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How far one action of an agreed resolution has come: the goods shipped (REPLACEMENT, FREE_GOODS),
 * done with evidence, or reported overdue once when its promised time passed first.
 *
 * @param shipmentReference the waybill parts reported with the shipment, if any
 * @param evidenceReference what proves it was done (refund voucher, waybill, the revisit's assignment)
 */
public record ActionProgress(
        String actionId,
        Instant shippedAt,
        String shipmentReference,
        Instant doneAt,
        String doneBy,
        String evidenceReference,
        String note,
        Instant overdueAt) {

    public ActionProgress {
        Objects.requireNonNull(actionId, "actionId");
    }

    static ActionProgress of(String actionId) {
        return new ActionProgress(actionId, null, null, null, null, null, null, null);
    }

    public boolean done() {
        return doneAt != null;
    }

    public boolean shipped() {
        return shippedAt != null;
    }

    ActionProgress shipped(Instant at, String reference) {
        return new ActionProgress(actionId, at, reference, doneAt, doneBy, evidenceReference, note, overdueAt);
    }

    ActionProgress done(Instant at, String by, String evidence, String text) {
        return new ActionProgress(actionId, shippedAt, shipmentReference, at, by, evidence, text, overdueAt);
    }

    ActionProgress overdue(Instant at) {
        return new ActionProgress(actionId, shippedAt, shipmentReference, doneAt, doneBy, evidenceReference, note, at);
    }
}
