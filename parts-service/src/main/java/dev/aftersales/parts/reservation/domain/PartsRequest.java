package dev.aftersales.parts.reservation.domain;

/**
 * What a technician asked for: units of a part for a visit, needed at the technician's dealer.
 *
 * @param requestId the idempotency key: one outcome per request, however often it arrives
 * @param dealerId the technician's dealer, where the parts are needed (a dealer's location id is its dealer id)
 */
public record PartsRequest(
        String requestId, String complaintId, String assignmentId, String dealerId, String partNumber, int quantity) {}
