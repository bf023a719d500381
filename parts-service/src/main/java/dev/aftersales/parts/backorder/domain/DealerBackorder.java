package dev.aftersales.parts.backorder.domain;

import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.Backorder;
import java.time.Instant;

/**
 * A backorder as the dealer it waits for sees it in its list: a visit's parts request (the technician's
 * dealer) or the goods of a resolution action (the selling dealer), waiting in line for stock, served,
 * or withdrawn with its visit.
 *
 * @param assignmentId the visit's assignment; null for goods
 * @param actionId the resolution action whose goods wait; null for a visit's parts
 * @param servingLocationId the location that claimed it to serve it; null before
 */
public record DealerBackorder(
        String requestId,
        String complaintId,
        String assignmentId,
        String actionId,
        String dealerId,
        String partNumber,
        int quantity,
        Priority priority,
        Backorder.Status status,
        String servingLocationId,
        Instant backorderedAt) {

    /** What waits: a visit's parts or a resolution's goods. */
    public enum Kind {
        PARTS,
        GOODS
    }

    public Kind kind() {
        return actionId == null ? Kind.PARTS : Kind.GOODS;
    }
}
