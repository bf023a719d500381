package dev.aftersales.followup.returncall.application;

import java.time.Instant;

/**
 * A visit was completed; its customer is owed a return call.
 *
 * @param eventId the {@code ce_id} of the VisitCompleted that says so
 */
public record ScheduleReturnCallCommand(String eventId, String assignmentId, String complaintId, Instant completedAt) {}
