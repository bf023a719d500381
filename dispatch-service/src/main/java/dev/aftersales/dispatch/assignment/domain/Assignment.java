package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who goes to the customer for one case, and what happens on that visit. There is exactly one
 * assignment per complaint: its id is derived from the complaint id ({@link #idFor}), so however
 * often the registration is delivered, only the first write of that id succeeds.
 *
 * <p>Every change raises its event into the assignment's own {@link Outbox}; saving the assignment
 * commits both at once. Open an assignment with {@link #open}; {@link #restore} is for the store.
 */
public final class Assignment {

    private final String id;
    private final String complaintId;
    private final String serialNumber;
    private final ComplaintKind kind;
    private final String symptoms;
    /** The person the technician phones first; kept from the registration. Personal data. */
    private final CaseContact contact;

    private final Instant onSiteDue;
    /** Where the machine is installed, from the archive; null for machines the archive does not know. */
    private final Site site;

    private AssignmentStatus status;
    private final AssignmentRule rule;
    private final String reason;
    private final String technicianId;
    private final String dealerId;
    private final Instant decidedAt;
    private final List<PartRequest> parts;
    private Visit visit;
    private final Long version;
    private final Outbox outbox;

    private Assignment(
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
            List<PartRequest> parts,
            Visit visit,
            Long version,
            Outbox outbox) {
        this.id = Objects.requireNonNull(id);
        this.complaintId = Objects.requireNonNull(complaintId);
        this.serialNumber = serialNumber;
        this.kind = kind;
        this.symptoms = symptoms;
        this.contact = contact;
        this.onSiteDue = onSiteDue;
        this.site = site;
        this.status = Objects.requireNonNull(status);
        this.rule = rule;
        this.reason = reason;
        this.technicianId = technicianId;
        this.dealerId = dealerId;
        this.decidedAt = decidedAt;
        this.parts = new ArrayList<>(parts == null ? List.of() : parts);
        this.visit = visit;
        this.version = version;
        this.outbox = outbox == null ? new Outbox() : outbox;
    }

    public static String idFor(String complaintId) {
        return "ASG-" + complaintId;
    }

    /**
     * The assignment of a newly registered case, with the rule chain's decision. Raises
     * {@link TechnicianAssigned}, or {@link AssignmentEscalated} when nobody could be found.
     */
    public static Assignment open(ComplaintRegistered complaint, Decision decision, Instant now) {
        var installation = decision.installation();
        var assignment = new Assignment(
                idFor(complaint.complaintId()),
                complaint.complaintId(),
                complaint.serialNumber(),
                complaint.kind(),
                complaint.symptoms(),
                complaint.contact(),
                complaint.onSiteDue(),
                installation == null ? null : installation.site(),
                decision.escalated() ? AssignmentStatus.ESCALATED : AssignmentStatus.ASSIGNED,
                decision.rule(),
                decision.reason(),
                decision.escalated() ? null : decision.technician().technicianId(),
                decision.escalated()
                        ? (installation == null ? null : installation.dealerId())
                        : decision.technician().dealerId(),
                now,
                List.of(),
                null,
                null,
                new Outbox());
        if (decision.escalated()) {
            assignment.raise(new AssignmentEscalated(assignment.id, assignment.complaintId, decision.reason(), now));
        } else {
            assignment.raise(new TechnicianAssigned(
                    assignment.id,
                    assignment.complaintId,
                    assignment.technicianId,
                    assignment.dealerId,
                    decision.rule(),
                    decision.reason(),
                    now));
        }
        return assignment;
    }

    /** An assignment as stored; raises nothing. */
    public static Assignment restore(
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
            List<PartRequest> parts,
            Visit visit,
            Long version,
            Outbox outbox) {
        return new Assignment(
                id,
                complaintId,
                serialNumber,
                kind,
                symptoms,
                contact,
                onSiteDue,
                site,
                status,
                rule,
                reason,
                technicianId,
                dealerId,
                decidedAt,
                parts,
                visit,
                version,
                outbox);
    }

    /** Technicians see and change only their own assignments; an escalated one is nobody's. */
    public boolean isOwnedBy(String technicianId) {
        return this.technicianId != null && this.technicianId.equals(technicianId);
    }

    /**
     * The technician needs a part for the visit; raises {@link PartsRequested} for parts to reserve
     * it at the technician's dealer first.
     */
    public PartRequest requestParts(String requestId, String partNumber, int quantity, Instant now) {
        requireAssigned("request parts for");
        var request = PartRequest.requested(requestId, partNumber, quantity);
        parts.add(request);
        raise(new PartsRequested(requestId, complaintId, id, technicianId, dealerId, partNumber, quantity, now));
        return request;
    }

    /**
     * Records what parts made of a request (reserved, backordered). The latest outcome wins; an
     * outcome for a request this assignment does not list is added, so the list shows what parts holds.
     */
    public void recordPartsOutcome(PartRequest outcome) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).requestId().equals(outcome.requestId())) {
                parts.set(i, outcome);
                return;
            }
        }
        parts.add(outcome);
    }

    /** The technician finished the visit; raises {@link VisitCompleted}. A visit is completed once. */
    public void complete(Visit report) {
        requireAssigned("complete");
        this.visit = report;
        this.status = AssignmentStatus.COMPLETED;
        raise(new VisitCompleted(
                id,
                complaintId,
                technicianId,
                dealerId,
                serialNumber,
                report.diagnosis(),
                report.rootCause(),
                report.partsUsed(),
                report.feeCharged(),
                report.fixed(),
                report.completedAt()));
    }

    private void requireAssigned(String action) {
        if (status == AssignmentStatus.COMPLETED) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": the visit is already completed");
        }
        if (status != AssignmentStatus.ASSIGNED) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": it is " + status);
        }
    }

    /** Every event of an assignment is keyed by its complaint id: the case stream's order. */
    private void raise(Record event) {
        outbox.raise(event, complaintId);
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public ComplaintKind kind() {
        return kind;
    }

    public String symptoms() {
        return symptoms;
    }

    public CaseContact contact() {
        return contact;
    }

    public Instant onSiteDue() {
        return onSiteDue;
    }

    public Site site() {
        return site;
    }

    public AssignmentStatus status() {
        return status;
    }

    /** Null when escalated. */
    public AssignmentRule rule() {
        return rule;
    }

    public String reason() {
        return reason;
    }

    /** Null when escalated. */
    public String technicianId() {
        return technicianId;
    }

    /** The assigned technician's dealer; for an escalation the machine's dealer, if known. */
    public String dealerId() {
        return dealerId;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public List<PartRequest> parts() {
        return List.copyOf(parts);
    }

    /** Null until completed. */
    public Visit visit() {
        return visit;
    }

    /** The store's concurrency token; null before the first write. */
    public Long version() {
        return version;
    }

    public Outbox outbox() {
        return outbox;
    }
}
