package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.Instant;
import java.util.List;

/**
 * Everything an {@link Assignment} knows besides its id, and the one place its fields are listed:
 * the assignment reads and changes them, and the store embeds this class unwrapped, so each field
 * name below is a field of the stored document (in this order).
 *
 * <p>A class, not a record: each step of an assignment changes two or three of these fields, and a
 * record would have to be built anew from all of them at every step. The fields are package-private
 * and nothing outside this package has a way to change them; every value held is immutable (the lists
 * are replaced, never changed in place), which makes {@link #copy} a true snapshot.
 */
public final class AssignmentState implements Cloneable {

    String complaintId;
    String serialNumber;
    ComplaintKind kind;
    String symptoms;
    /** The person the technician phones first; kept from the registration. Personal data. */
    CaseContact contact;

    Instant onSiteDue;
    /** Where the machine is installed, from the archive; null for machines the archive does not know. */
    Site site;

    AssignmentStatus status;
    /** Null when escalated. */
    AssignmentRule rule;

    String reason;
    /** Null when escalated. */
    String technicianId;
    /** The assigned technician's dealer; for an escalation the machine's dealer, if known. */
    String dealerId;

    Instant decidedAt;
    /** Null while the holder has not accepted (an offer); set by accepting or by starting to work. */
    Instant acceptedAt;
    /** When an unaccepted offer passes to the next candidate; null once accepted or escalated. */
    Instant offerExpiresAt;
    /** Technicians who declined the case or let its offer time out: the rule chain skips them. */
    List<String> passedOver = List.of();

    Appointment appointment;
    /** The end of the current window while nobody has arrived: when the appointment counts as broken. */
    Instant appointmentDueAt;

    Instant arrivedAt;
    /** Null until quoted. */
    FeeQuote quote;
    /** Null unless the customer agreed to pay more than quoted. */
    FeeConsent consent;
    /** The consent code last sent to the customer (its hash, never the code); null when none is open. */
    FeeConsentChallenge consentChallenge;
    /** When consent codes were sent within the last hour: the per-case rate limit; absent in older documents. */
    List<Instant> consentCodesSent = List.of();
    /** A visit to the same machine within 30 days of a completed one; absent in documents older than the mark. */
    boolean repeatVisit;

    List<PartRequest> parts = List.of();
    /** Null until completed. */
    Visit visit;
    /** The offline updates applied, each with the phone's time beside the server's; absent in older documents. */
    List<OfflineClaim> offlineClaims = List.of();

    /** The case's priority as intake last said; null in documents older than the field (NORMAL). */
    Priority priority;
    /** The technician this case (or the resolution action) is about: never offered the visit. */
    String excludedTechnicianId;
    /** Set when the visit carries out an action of an agreed resolution (a REVISIT). */
    String resolutionActionId;
    /** For a machine not yet in the archive, what is to be installed; else null. */
    InstallationRequest installation;
    /** The dispatcher who chose the holder by hand (rule MANUAL), and their note; else null. */
    String assignedBy;

    String note;
    /** Why the case was withdrawn and what the door fee became; null while the assignment stands. */
    Withdrawal withdrawal;

    /** For the store, which sets the fields it finds; the assignment opens one with {@link Assignment#open}. */
    AssignmentState() {}

    /** Lists as read from a store may be absent or mutable: from here on they are neither. */
    AssignmentState settled() {
        passedOver = passedOver == null ? List.of() : List.copyOf(passedOver);
        parts = parts == null ? List.of() : List.copyOf(parts);
        offlineClaims = offlineClaims == null ? List.of() : List.copyOf(offlineClaims);
        consentCodesSent = consentCodesSent == null ? List.of() : List.copyOf(consentCodesSent);
        return this;
    }

    /** An independent copy, sharing only immutable values. */
    AssignmentState copy() {
        try {
            return (AssignmentState) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
