package dev.aftersales.parts.stock.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Units of a stock line held for one parts request of a visit, until the visit consumes them.
 *
 * @param requestId the technician's parts request; one reservation per request, ever
 */
public record Reservation(String requestId, String complaintId, String assignmentId, int quantity, Instant reservedAt) {

    public Reservation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(reservedAt, "reservedAt");
        if (quantity <= 0) {
            throw new IllegalArgumentException("a reservation holds at least one unit, not " + quantity);
        }
    }
}
