package dev.aftersales.parts.reservation.application;

import dev.aftersales.parts.reservation.domain.PartsRequest;

/**
 * A technician's parts request, to be reserved at {@code locationId} (the technician's dealer).
 *
 * @param eventId the {@code ce_id} that delivered the request
 * @param requestId the idempotency key: one outcome per request, however often it arrives
 */
public record ReservePartsCommand(
        String eventId,
        String requestId,
        String complaintId,
        String assignmentId,
        String locationId,
        String partNumber,
        int quantity) {

    PartsRequest request() {
        return new PartsRequest(requestId, complaintId, assignmentId, locationId, partNumber, quantity);
    }
}
