package dev.aftersales.dispatch.assignment.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.assignment.domain.Appointment;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.FeeConsent;
import dev.aftersales.dispatch.assignment.domain.FeeQuote;
import dev.aftersales.dispatch.assignment.domain.Visit;
import dev.aftersales.dispatch.assignment.domain.Withdrawal;
import java.time.Instant;
import java.util.List;

/**
 * An assignment as the dispatcher sees it: also who was chosen by which rule and why, or why
 * nobody was. {@code decidedAt} is when the rule chain ran (assigned or escalated).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DispatcherAssignmentView(
        String assignmentId,
        String complaintId,
        AssignmentStatus status,
        AssignmentRule rule,
        String reason,
        String technicianId,
        String dealerId,
        String serialNumber,
        ComplaintKind kind,
        String symptoms,
        CaseContact contact,
        Site site,
        List<PartView> parts,
        Instant decidedAt,
        Instant onSiteDue,
        Instant acceptedAt,
        Instant offerExpiresAt,
        List<String> passedOver,
        Appointment appointment,
        Instant arrivedAt,
        FeeQuote quote,
        FeeConsent consent,
        boolean repeatVisit,
        Visit visit,
        Priority priority,
        String excludedTechnicianId,
        String resolutionActionId,
        InstallationRequest installation,
        String assignedBy,
        String note,
        Withdrawal withdrawal) {

    static DispatcherAssignmentView of(Assignment a) {
        return new DispatcherAssignmentView(
                a.id(),
                a.complaintId(),
                a.status(),
                a.rule(),
                a.reason(),
                a.technicianId(),
                a.dealerId(),
                a.serialNumber(),
                a.kind(),
                a.symptoms(),
                a.contact(),
                a.site(),
                PartView.of(a.parts()),
                a.decidedAt(),
                a.onSiteDue(),
                a.acceptedAt(),
                a.offerExpiresAt(),
                a.passedOver(),
                a.appointment(),
                a.arrivedAt(),
                a.quote(),
                a.consent(),
                a.repeatVisit(),
                a.visit(),
                a.priority(),
                a.excludedTechnicianId(),
                a.resolutionActionId(),
                a.installation(),
                a.assignedBy(),
                a.note(),
                a.withdrawal());
    }
}
