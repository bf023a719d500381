package dev.aftersales.parts.reservation.domain;

import dev.aftersales.contracts.intake.Priority;
import java.time.Instant;

/**
 * Everything a {@link Backorder} knows besides its request id, in one immutable value: what {@link
 * Backorder#snapshot} gives the store and {@link Backorder#restore} takes back.
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
        String servingLocationId) {}
