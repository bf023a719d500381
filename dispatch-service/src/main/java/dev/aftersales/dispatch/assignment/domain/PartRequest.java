package dev.aftersales.dispatch.assignment.domain;

import java.time.Instant;

/**
 * A part the technician asked for and what parts made of it.
 *
 * @param locationId where reserved units wait; null until reserved
 * @param readyAt when reserved units are ready, or when a backordered part is expected (if known)
 */
public record PartRequest(
        String requestId, String partNumber, int quantity, PartStatus status, String locationId, Instant readyAt) {

    static PartRequest requested(String requestId, String partNumber, int quantity) {
        return new PartRequest(requestId, partNumber, quantity, PartStatus.REQUESTED, null, null);
    }
}
