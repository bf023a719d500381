package dev.aftersales.dispatch.assignment.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.assignment.application.AssignmentBrief;
import dev.aftersales.dispatch.assignment.domain.Appointment;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.CaseWarranty;
import dev.aftersales.dispatch.assignment.domain.EarlierVisit;
import dev.aftersales.dispatch.assignment.domain.FeeConsent;
import dev.aftersales.dispatch.assignment.domain.FeeConsentChallenge;
import dev.aftersales.dispatch.assignment.domain.FeeQuote;
import dev.aftersales.dispatch.assignment.domain.Withdrawal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An assignment as the technician's app shows it: whom to phone, where to go, what was found wrong,
 * by when to be on site, and where the parts stand. {@code site} is absent for machines the
 * archive does not know. {@code priority} is the case's (NORMAL, HIGH, URGENT); {@code withdrawal}
 * says the case was taken back and, once on site, that it waits for the technician's acknowledgement;
 * {@code consentCode} is the code last sent to the customer for a fee above the quote (never the code).
 *
 * <p>The brief (on the list and the assignment, absent from the answers of actions): {@code model} and
 * {@code warranty} on the day the customer called, {@code callCount}, the customer's own {@code
 * customerRequest}; on the assignment only, the machine's {@code earlierVisits} (newest first, at most
 * five) and {@code repeatFailure} (a visit for another case within 30 days before this one began).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TechnicianAssignmentView(
        String assignmentId,
        String complaintId,
        AssignmentStatus status,
        String serialNumber,
        ComplaintKind kind,
        String symptoms,
        CaseContact contact,
        Site site,
        List<PartView> parts,
        Instant assignedAt,
        Instant onSiteDue,
        boolean accepted,
        Instant offerExpiresAt,
        Appointment appointment,
        Instant arrivedAt,
        FeeQuote quote,
        FeeConsent consent,
        Priority priority,
        String resolutionActionId,
        InstallationRequest installation,
        Withdrawal withdrawal,
        ConsentCodeView consentCode,
        String model,
        CaseWarranty warranty,
        Integer callCount,
        String customerRequest,
        List<EarlierVisit> earlierVisits,
        Boolean repeatFailure) {

    /** The consent code last sent for this case: for up to how much, until when, how many tries are left. */
    record ConsentCodeView(BigDecimal amount, Instant expiresAt, int triesLeft) {
        /** Never the salt or the hash: the app has no use for them. */
        static ConsentCodeView of(FeeConsentChallenge challenge) {
            return challenge == null
                    ? null
                    : new ConsentCodeView(challenge.amount(), challenge.expiresAt(), challenge.triesLeft());
        }
    }

    static TechnicianAssignmentView of(Assignment a) {
        return of(a, null);
    }

    static TechnicianAssignmentView of(AssignmentBrief brief) {
        return of(brief.assignment(), brief);
    }

    private static TechnicianAssignmentView of(Assignment a, AssignmentBrief brief) {
        return new TechnicianAssignmentView(
                a.id(),
                a.complaintId(),
                a.status(),
                a.serialNumber(),
                a.kind(),
                a.symptoms(),
                a.contact(),
                a.site(),
                PartView.of(a.parts()),
                a.decidedAt(),
                a.onSiteDue(),
                a.accepted(),
                a.offerExpiresAt(),
                a.appointment(),
                a.arrivedAt(),
                a.quote(),
                a.consent(),
                a.priority(),
                a.resolutionActionId(),
                a.installation(),
                a.withdrawal(),
                ConsentCodeView.of(a.consentChallenge()),
                brief == null ? null : brief.model(),
                brief == null ? null : brief.warranty(),
                brief == null ? null : brief.callCount(),
                brief == null ? null : brief.customerRequest(),
                brief == null ? null : brief.earlierVisits(),
                brief == null ? null : brief.repeatFailure());
    }
}
