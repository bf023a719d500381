package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.assignment.domain.PartRequest;

/**
 * What parts made of a request, from a {@code PartsReserved} or {@code PartsBackordered} event.
 *
 * @param eventId the event's {@code ce_id}, which makes recording it idempotent
 */
public record PartsOutcomeCommand(String eventId, String assignmentId, PartRequest outcome) {}
