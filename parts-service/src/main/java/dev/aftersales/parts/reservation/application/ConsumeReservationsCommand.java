package dev.aftersales.parts.reservation.application;

/**
 * A visit was completed: what was held for it has been used.
 *
 * @param eventId the {@code ce_id} of the VisitCompleted that says so
 */
public record ConsumeReservationsCommand(String eventId, String assignmentId) {}
