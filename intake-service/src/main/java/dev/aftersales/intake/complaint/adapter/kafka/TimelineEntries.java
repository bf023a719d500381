package dev.aftersales.intake.complaint.adapter.kafka;

import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.intake.complaint.domain.Milestone;
import dev.aftersales.intake.complaint.domain.TimelineEntry;

/**
 * Turns the other services' events into timeline lines an agent can read out. Ids and business
 * facts only: no phone numbers or addresses, which the case file already holds.
 */
final class TimelineEntries {

    private TimelineEntries() {}

    static TimelineEntry of(TechnicianAssigned e) {
        var detail = e.reason() == null || e.reason().isBlank() ? e.rule().name() : e.rule() + ": " + e.reason();
        return new TimelineEntry(e.assignedAt(), Milestone.TECHNICIAN_ASSIGNED, detail, e.technicianId());
    }

    static TimelineEntry of(AssignmentEscalated e) {
        var detail = e.reason() == null || e.reason().isBlank() ? "no technician found" : e.reason();
        return new TimelineEntry(e.escalatedAt(), Milestone.ASSIGNMENT_ESCALATED, detail, null);
    }

    static TimelineEntry of(PartsRequested e) {
        return new TimelineEntry(
                e.requestedAt(),
                Milestone.PARTS_REQUESTED,
                e.partNumber() + " x" + e.quantity() + " requested",
                e.technicianId());
    }

    static TimelineEntry of(PartsReserved e) {
        return new TimelineEntry(
                e.reservedAt(),
                Milestone.PARTS_RESERVED,
                e.partNumber() + " x" + e.quantity() + " reserved at " + e.locationId() + " (" + e.source()
                        + "), ready " + e.readyAt(),
                null);
    }

    static TimelineEntry of(PartsBackordered e) {
        var expected = e.expectedAt() == null ? "no date yet" : "expected " + e.expectedAt();
        return new TimelineEntry(
                e.backorderedAt(),
                Milestone.PARTS_BACKORDERED,
                e.partNumber() + " x" + e.quantity() + " backordered, " + expected,
                null);
    }

    static TimelineEntry of(VisitCompleted e) {
        var outcome = e.fixed() ? "fixed" : "not fixed";
        var detail = e.diagnosis() == null || e.diagnosis().isBlank() ? outcome : outcome + ": " + e.diagnosis();
        return new TimelineEntry(e.completedAt(), Milestone.VISIT_COMPLETED, detail, e.technicianId());
    }

    static TimelineEntry of(ReturnCallScheduled e) {
        return new TimelineEntry(
                e.scheduledAt(), Milestone.RETURN_CALL_SCHEDULED, e.reason() + " return call due " + e.dueAt(), null);
    }
}
