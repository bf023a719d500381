package dev.aftersales.parts.reservation.domain;

import dev.aftersales.contracts.intake.Priority;
import java.time.Instant;

/**
 * Everything a {@link Backorder} knows besides its request id, in one immutable value: what {@link
 * Backorder#snapshot} gives the store and {@link Backorder#restore} takes back. {@code actionId} is set
 * (and {@code assignmentId} null) for goods an agreed resolution promised; {@code locationId} is then
 * the selling dealer, where their chain starts.
 */
public record BackorderState(
        String complaintId,
        String assignmentId,
        String locationId,
        String partNumber,
        int quantity,
        Instant backorderedAt,
        Priority priority,
        Backorder.Status status,
        String servingLocationId,
        String actionId) {

    /** A backorder of a visit's parts request, as every backorder was before goods of resolutions. */
    public BackorderState(
            String complaintId,
            String assignmentId,
            String locationId,
            String partNumber,
            int quantity,
            Instant backorderedAt,
            Priority priority,
            Backorder.Status status,
            String servingLocationId) {
        this(
                complaintId,
                assignmentId,
                locationId,
                partNumber,
                quantity,
                backorderedAt,
                priority,
                status,
                servingLocationId,
                null);
    }
}
