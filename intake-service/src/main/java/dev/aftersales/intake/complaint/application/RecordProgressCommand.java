package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.TimelineEntry;

/** @param eventId the {@code ce_id} of the event that reported the progress; the dedupe key */
public record RecordProgressCommand(String complaintId, String eventId, TimelineEntry entry) {}
