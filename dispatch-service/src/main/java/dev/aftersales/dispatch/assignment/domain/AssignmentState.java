package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.Instant;
import java.util.List;

/**
 * Everything an {@link Assignment} knows, in one immutable value: what {@link Assignment#snapshot}
 * gives the store and {@link Assignment#restore} takes back. The store's version and the outbox
 * travel beside it, not in it. See {@link Assignment} for what each part means.
 */
public record AssignmentState(
        String id,
        String complaintId,
        String serialNumber,
        ComplaintKind kind,
        String symptoms,
        CaseContact contact,
        Instant onSiteDue,
        Site site,
        AssignmentStatus status,
        AssignmentRule rule,
        String reason,
        String technicianId,
        String dealerId,
        Instant decidedAt,
        Instant acceptedAt,
        Instant offerExpiresAt,
        List<String> passedOver,
        Appointment appointment,
        Instant appointmentDueAt,
        Instant arrivedAt,
        FeeQuote quote,
        FeeConsent consent,
        boolean repeatVisit,
        List<PartRequest> parts,
        Visit visit) {

    public AssignmentState {
        passedOver = passedOver == null ? List.of() : List.copyOf(passedOver);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }
}
