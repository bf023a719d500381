package dev.aftersales.intake.complaint.adapter.kafka;

import dev.aftersales.contracts.dispatch.AppointmentBroken;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.FeeQuoted;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.CustomerDissatisfied;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.followup.CustomerUnreachable;
import dev.aftersales.contracts.followup.FollowupEscalated;
import dev.aftersales.contracts.followup.ReturnCallMade;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.contracts.followup.SurveyAnswered;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReplacementBackordered;
import dev.aftersales.contracts.parts.ReplacementReserved;
import dev.aftersales.contracts.parts.ReplacementShipped;
import dev.aftersales.contracts.parts.ReservationReleased;
import dev.aftersales.contracts.parts.TransferReceived;
import dev.aftersales.contracts.parts.TransferRequested;
import dev.aftersales.contracts.parts.TransferShipped;
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

    static TimelineEntry of(AssignmentAccepted e) {
        return new TimelineEntry(e.acceptedAt(), Milestone.ASSIGNMENT_ACCEPTED, "accepted", e.technicianId());
    }

    static TimelineEntry of(AssignmentDeclined e) {
        var why = e.timedOut()
                ? "offer timed out"
                : e.reason() == null || e.reason().isBlank() ? "declined" : e.reason();
        return new TimelineEntry(e.declinedAt(), Milestone.ASSIGNMENT_DECLINED, why, e.technicianId());
    }

    static TimelineEntry of(FeeQuoted e) {
        var detail = e.inWarranty()
                ? "in warranty, free"
                : "total " + e.total().toPlainString() + " (door " + e.doorFee().toPlainString() + ", labour "
                        + e.labour().toPlainString() + ", parts " + e.parts().toPlainString() + ")";
        return new TimelineEntry(e.quotedAt(), Milestone.FEE_QUOTED, detail, null);
    }

    static TimelineEntry of(AppointmentSet e) {
        return new TimelineEntry(
                e.setAt(),
                Milestone.APPOINTMENT_SET,
                "window " + e.windowStart() + " – " + e.windowEnd(),
                e.technicianId());
    }

    static TimelineEntry of(AppointmentRescheduled e) {
        return new TimelineEntry(
                e.rescheduledAt(),
                Milestone.APPOINTMENT_RESCHEDULED,
                "window " + e.windowStart() + " – " + e.windowEnd()
                        + (e.withNotice() ? ", customer told in time" : ", too late"),
                e.technicianId());
    }

    static TimelineEntry of(AppointmentBroken e) {
        return new TimelineEntry(e.brokenAt(), Milestone.APPOINTMENT_BROKEN, e.reason(), e.technicianId());
    }

    static TimelineEntry of(TechnicianArrived e) {
        return new TimelineEntry(e.arrivedAt(), Milestone.TECHNICIAN_ARRIVED, "on site", e.technicianId());
    }

    static TimelineEntry of(TransferRequested e) {
        return new TimelineEntry(
                e.requestedAt(),
                Milestone.TRANSFER_REQUESTED,
                e.partNumber() + " x" + e.quantity() + " from " + e.fromLocationId() + " to " + e.toLocationId()
                        + ", eta " + e.eta(),
                null);
    }

    static TimelineEntry of(TransferShipped e) {
        return new TimelineEntry(e.shippedAt(), Milestone.TRANSFER_SHIPPED, "eta " + e.eta(), null);
    }

    static TimelineEntry of(TransferReceived e) {
        return new TimelineEntry(e.receivedAt(), Milestone.TRANSFER_RECEIVED, e.transferId(), null);
    }

    static TimelineEntry of(ReservationReleased e) {
        return new TimelineEntry(
                e.releasedAt(),
                Milestone.RESERVATION_RELEASED,
                e.partNumber() + " x" + e.quantity() + " at " + e.locationId() + ": " + e.reason(),
                null);
    }

    static TimelineEntry of(ReturnCallMade e) {
        return new TimelineEntry(
                e.madeAt(),
                Milestone.RETURN_CALL_MADE,
                "attempt " + e.attempt() + ": " + e.outcome(),
                null,
                e.agentId());
    }

    static TimelineEntry of(CustomerUnreachable e) {
        return new TimelineEntry(e.at(), Milestone.CUSTOMER_UNREACHABLE, e.attempts() + " attempts", null);
    }

    static TimelineEntry of(SurveyAnswered e) {
        var gap = e.servqualGap() == null
                ? ""
                : ", SERVQUAL gap " + e.servqualGap().toPlainString();
        return new TimelineEntry(
                e.answeredAt(),
                Milestone.SURVEY_ANSWERED,
                "round " + e.round() + ": " + (e.solved() ? "solved" : "not solved") + ", satisfaction "
                        + e.satisfaction() + gap,
                e.technicianId());
    }

    static TimelineEntry of(FollowupEscalated e) {
        return new TimelineEntry(
                e.at(),
                Milestone.FOLLOWUP_ESCALATED,
                e.rounds() + " rounds" + (e.reason() == null ? "" : ": " + e.reason()),
                null);
    }

    static TimelineEntry of(CustomerSatisfied e) {
        return new TimelineEntry(
                e.at(),
                Milestone.CUSTOMER_SATISFIED,
                "round " + e.round() + ", satisfaction " + e.satisfaction(),
                null);
    }

    static TimelineEntry of(CustomerDissatisfied e) {
        var why = e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason();
        return new TimelineEntry(
                e.at(),
                Milestone.CUSTOMER_DISSATISFIED,
                "round " + e.round() + ", " + (e.solved() ? "solved" : "not solved") + ", satisfaction "
                        + e.satisfaction() + why,
                null);
    }

    static TimelineEntry of(AssignmentCancelled e) {
        var detail = e.reason()
                + (e.afterArrival() ? ", after arrival" : "")
                + (e.doorFeeRule() == null || e.doorFeeRule().isBlank() ? "" : ", door fee: " + e.doorFeeRule())
                + (e.doorFeeCharged() == null ? "" : " " + e.doorFeeCharged().toPlainString());
        return new TimelineEntry(e.cancelledAt(), Milestone.ASSIGNMENT_CANCELLED, detail, e.technicianId());
    }

    static TimelineEntry of(ReplacementReserved e) {
        return new TimelineEntry(
                e.readyAt(),
                Milestone.REPLACEMENT_RESERVED,
                "action " + e.actionId() + ": " + e.itemNumber() + " x" + e.quantity() + " held at " + e.locationId()
                        + " (dealer " + e.dealerId() + "), ready " + e.readyAt(),
                null);
    }

    static TimelineEntry of(ReplacementBackordered e) {
        return new TimelineEntry(
                e.backorderedAt(),
                Milestone.REPLACEMENT_BACKORDERED,
                "action " + e.actionId() + ": " + e.itemNumber() + " x" + e.quantity() + " backordered",
                null);
    }

    static TimelineEntry of(ReplacementShipped e) {
        return new TimelineEntry(
                e.shippedAt(),
                Milestone.REPLACEMENT_SHIPPED,
                "action " + e.actionId() + " shipped from " + e.locationId()
                        + (e.waybill() == null ? "" : ", waybill " + e.waybill()),
                null,
                e.shippedBy());
    }
}
