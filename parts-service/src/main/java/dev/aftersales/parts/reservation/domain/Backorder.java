package dev.aftersales.parts.reservation.domain;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.parts.PartsBackordered;
import java.time.Instant;
import java.util.Objects;

/**
 * A parts request no location could supply when it arrived. It waits in line for stock; its id is
 * the request id, so one request is backordered at most once and is never reserved later by a
 * redelivery of the same request.
 */
public final class Backorder {

    private final String requestId;
    private final String complaintId;
    private final String assignmentId;
    private final String locationId;
    private final String partNumber;
    private final int quantity;
    private final Instant backorderedAt;
    private final Long version;
    private final Outbox outbox;

    private Backorder(
            String requestId,
            String complaintId,
            String assignmentId,
            String locationId,
            String partNumber,
            int quantity,
            Instant backorderedAt,
            Long version,
            Outbox outbox) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.complaintId = Objects.requireNonNull(complaintId, "complaintId");
        this.assignmentId = Objects.requireNonNull(assignmentId, "assignmentId");
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.partNumber = Objects.requireNonNull(partNumber, "partNumber");
        this.quantity = quantity;
        this.backorderedAt = Objects.requireNonNull(backorderedAt, "backorderedAt");
        this.version = version;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** A new backorder, raising {@link PartsBackordered} with it. No ETA is known yet. */
    public static Backorder of(
            String requestId,
            String complaintId,
            String assignmentId,
            String locationId,
            String partNumber,
            int quantity,
            Instant now) {
        var backorder = new Backorder(
                requestId, complaintId, assignmentId, locationId, partNumber, quantity, now, null, new Outbox());
        backorder.outbox.raise(
                new PartsBackordered(requestId, complaintId, assignmentId, partNumber, quantity, null, now),
                complaintId);
        return backorder;
    }

    public static Backorder restore(
            String requestId,
            String complaintId,
            String assignmentId,
            String locationId,
            String partNumber,
            int quantity,
            Instant backorderedAt,
            Long version,
            Outbox outbox) {
        return new Backorder(
                requestId,
                complaintId,
                assignmentId,
                locationId,
                partNumber,
                quantity,
                backorderedAt,
                version,
                outbox == null ? new Outbox() : outbox);
    }

    public String requestId() {
        return requestId;
    }

    public String complaintId() {
        return complaintId;
    }

    public String assignmentId() {
        return assignmentId;
    }

    public String locationId() {
        return locationId;
    }

    public String partNumber() {
        return partNumber;
    }

    public int quantity() {
        return quantity;
    }

    public Instant backorderedAt() {
        return backorderedAt;
    }

    public Long version() {
        return version;
    }

    public Outbox outbox() {
        return outbox;
    }
}
