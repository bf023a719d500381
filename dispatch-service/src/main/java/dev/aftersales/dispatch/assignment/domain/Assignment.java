package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.dispatch.AppointmentBroken;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.FeeQuoted;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.dispatch.archive.domain.Site;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who goes to the customer for one case, and what happens on that visit. There is exactly one
 * assignment per complaint: its id is derived from the complaint id ({@link #idFor}), so however
 * often the registration is delivered, only the first write of that id succeeds.
 *
 * <p>Every change raises its event into the assignment's own {@link AggregateEvents}; saving the assignment
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
    private AssignmentRule rule;
    private String reason;
    private String technicianId;
    private String dealerId;
    private final Instant decidedAt;
    /** Null while the holder has not accepted (an offer); set by accepting or by starting to work. */
    private Instant acceptedAt;
    /** When an unaccepted offer passes to the next candidate; null once accepted or escalated. */
    private Instant offerExpiresAt;
    /** Technicians who declined the case or let its offer time out: the rule chain skips them. */
    private final List<String> passedOver;

    private Appointment appointment;
    /** The end of the current window while nobody has arrived: when the appointment counts as broken. */
    private Instant appointmentDueAt;

    private Instant arrivedAt;
    private FeeQuote quote;
    private FeeConsent consent;
    /** A visit to the same machine within 30 days of a completed one. */
    private boolean repeatVisit;

    private final List<PartRequest> parts;
    private Visit visit;
    private final Long version;
    private final AggregateEvents events;

    private Assignment(AssignmentState state, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(state.id());
        this.complaintId = Objects.requireNonNull(state.complaintId());
        this.serialNumber = state.serialNumber();
        this.kind = state.kind();
        this.symptoms = state.symptoms();
        this.contact = state.contact();
        this.onSiteDue = state.onSiteDue();
        this.site = state.site();
        this.status = Objects.requireNonNull(state.status());
        this.rule = state.rule();
        this.reason = state.reason();
        this.technicianId = state.technicianId();
        this.dealerId = state.dealerId();
        this.decidedAt = state.decidedAt();
        this.acceptedAt = state.acceptedAt();
        this.offerExpiresAt = state.offerExpiresAt();
        this.passedOver = new ArrayList<>(state.passedOver());
        this.appointment = state.appointment();
        this.appointmentDueAt = state.appointmentDueAt();
        this.arrivedAt = state.arrivedAt();
        this.quote = state.quote();
        this.consent = state.consent();
        this.repeatVisit = state.repeatVisit();
        this.parts = new ArrayList<>(state.parts());
        this.visit = state.visit();
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_RESCHEDULE_NOTICE = Duration.ofHours(2);

    public static String idFor(String complaintId) {
        return "ASG-" + complaintId;
    }

    /**
     * The assignment of a newly registered case, with the rule chain's decision. Raises
     * {@link TechnicianAssigned}, or {@link AssignmentEscalated} when nobody could be found.
     */
    public static Assignment open(ComplaintRegistered complaint, Decision decision, Instant now) {
        return open(complaint, decision, now, DEFAULT_OFFER_TIMEOUT);
    }

    /**
     * The assignment of a newly registered case, offered to the chosen technician until {@code now +
     * offerTimeout}. Raises {@link TechnicianAssigned}, or {@link AssignmentEscalated} when nobody
     * could be found.
     */
    public static Assignment open(
            ComplaintRegistered complaint, Decision decision, Instant now, Duration offerTimeout) {
        return opened(
                idFor(complaint.complaintId()),
                complaint.complaintId(),
                complaint.serialNumber(),
                complaint.kind(),
                complaint.symptoms(),
                complaint.contact(),
                complaint.onSiteDue(),
                decision.installation() == null ? null : decision.installation().site(),
                decision,
                now,
                offerTimeout);
    }

    /** The assignment of round {@code round} (2, 3, ...) of a reopened case. */
    public static String idFor(String complaintId, int round) {
        return round <= 1 ? idFor(complaintId) : idFor(complaintId) + "-R" + round;
    }

    /**
     * A new visit round for a reopened case, decided by the rule chain afresh (the original installer
     * first again); it keeps the case's contact, kind and site from the previous round, if known.
     */
    public static Assignment reopen(
            String complaintId,
            int round,
            String serialNumber,
            Assignment previous,
            String why,
            Decision decision,
            Instant now,
            Duration offerTimeout) {
        var installation = decision.installation();
        return opened(
                idFor(complaintId, round),
                complaintId,
                serialNumber,
                previous == null ? null : previous.kind,
                why != null ? why : previous == null ? null : previous.symptoms,
                previous == null ? null : previous.contact,
                null,
                installation != null ? installation.site() : previous == null ? null : previous.site,
                decision,
                now,
                offerTimeout);
    }

    /** A first or a reopened round with the rule chain's decision; announces who got it. */
    private static Assignment opened(
            String id,
            String complaintId,
            String serialNumber,
            ComplaintKind kind,
            String symptoms,
            CaseContact contact,
            Instant onSiteDue,
            Site site,
            Decision decision,
            Instant now,
            Duration offerTimeout) {
        var installation = decision.installation();
        var escalated = decision.escalated();
        var assignment = new Assignment(
                new AssignmentState(
                        id,
                        complaintId,
                        serialNumber,
                        kind,
                        symptoms,
                        contact,
                        onSiteDue,
                        site,
                        escalated ? AssignmentStatus.ESCALATED : AssignmentStatus.ASSIGNED,
                        decision.rule(),
                        decision.reason(),
                        escalated ? null : decision.technician().technicianId(),
                        escalated
                                ? (installation == null ? null : installation.dealerId())
                                : decision.technician().dealerId(),
                        now,
                        null,
                        escalated ? null : now.plus(offerTimeout),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        List.of(),
                        null),
                null,
                new AggregateEvents());
        assignment.announce(decision, now);
        return assignment;
    }

    private void announce(Decision decision, Instant now) {
        var assignment = this;
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
    }

    /** An assignment as stored, with the store's version and its events; raises nothing. */
    public static Assignment restore(AssignmentState state, Long version, AggregateEvents events) {
        return new Assignment(state, version, events);
    }

    /** The assignment's state as of now, for the store; the version and events are read beside it. */
    public AssignmentState snapshot() {
        return new AssignmentState(
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
                acceptedAt,
                offerExpiresAt,
                passedOver,
                appointment,
                appointmentDueAt,
                arrivedAt,
                quote,
                consent,
                repeatVisit,
                parts,
                visit);
    }

    /** Technicians see and change only their own assignments; an escalated one is nobody's. */
    public boolean isOwnedBy(String technicianId) {
        return this.technicianId != null && this.technicianId.equals(technicianId);
    }

    /**
     * The technician needs a part for the visit; raises {@link PartsRequested} for parts to reserve
     * it at the technician's dealer first.
     */
    /**
     * The technician asks for a part; raises {@link PartsRequested}. A request id seen before (a
     * retried request) changes nothing and answers the request as it stands.
     */
    public PartRequest requestParts(String requestId, String partNumber, int quantity, Instant now) {
        for (var earlier : parts) {
            if (earlier.requestId().equals(requestId)) {
                return earlier;
            }
        }
        requireAssigned("request parts for");
        acceptImplicitly(now);
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
        requireConsentFor(report.feeCharged());
        acceptImplicitly(report.completedAt());
        this.visit = report;
        this.offerExpiresAt = null;
        this.appointmentDueAt = null;
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

    /**
     * The holder takes the job; raises {@link AssignmentAccepted}.
     *
     * @return false when it was accepted already (nothing changes)
     */
    public boolean accept(Instant now) {
        requireAssigned("accept");
        if (acceptedAt != null) {
            return false;
        }
        acceptedAt = now;
        offerExpiresAt = null;
        raise(new AssignmentAccepted(id, complaintId, technicianId, now));
        return true;
    }

    /** Whether the holder has taken the job (explicitly, or by starting to work on it). */
    public boolean accepted() {
        return acceptedAt != null;
    }

    /** An offer still open at {@code now} whose time is up. */
    public boolean offerExpiredAt(Instant now) {
        return status == AssignmentStatus.ASSIGNED
                && acceptedAt == null
                && offerExpiresAt != null
                && !now.isBefore(offerExpiresAt);
    }

    /** Who must be skipped when the case is offered to the next candidate: everyone who passed, and the holder. */
    public Set<String> passedOverWith(String holder) {
        var skip = new LinkedHashSet<>(passedOver);
        if (holder != null) {
            skip.add(holder);
        }
        return skip;
    }

    /**
     * The holder declined the offer, or let it time out: raises {@link AssignmentDeclined}, then
     * offers the case to {@code next} ({@link TechnicianAssigned}) or escalates it ({@link
     * AssignmentEscalated}). Only an offer not yet accepted can be passed on.
     */
    public void passOn(String why, boolean timedOut, Decision next, Instant now, Duration offerTimeout) {
        requireAssigned("decline");
        if (acceptedAt != null) {
            throw new AssignmentNotOpenException("cannot decline " + id + ": it was accepted already");
        }
        raise(new AssignmentDeclined(id, complaintId, technicianId, why, timedOut, now));
        passedOver.add(technicianId);
        if (next.escalated()) {
            status = AssignmentStatus.ESCALATED;
            technicianId = null;
            rule = null;
            dealerId =
                    next.installation() == null ? dealerId : next.installation().dealerId();
            reason = next.reason();
            offerExpiresAt = null;
            raise(new AssignmentEscalated(id, complaintId, next.reason(), now));
        } else {
            technicianId = next.technician().technicianId();
            dealerId = next.technician().dealerId();
            rule = next.rule();
            reason = next.reason();
            offerExpiresAt = now.plus(offerTimeout);
            raise(new TechnicianAssigned(id, complaintId, technicianId, dealerId, rule, reason, now));
        }
    }

    /**
     * The technician agreed a window with the customer (raises {@link AppointmentSet}) or moved it
     * (raises {@link AppointmentRescheduled}; moved less than {@code notice} before the old window
     * started, or after it, the old appointment also counts as broken: {@link AppointmentBroken}).
     *
     * @return null for a first window, else what became of the previous one
     */
    public AppointmentOutcome setAppointment(Appointment window, Instant now, Duration notice) {
        requireAssigned("set an appointment for");
        if (arrivedAt != null) {
            throw new AssignmentNotOpenException("cannot set an appointment for " + id + ": the technician is on site");
        }
        acceptImplicitly(now);
        var previous = appointment;
        appointment = window;
        appointmentDueAt = window.windowEnd();
        if (previous == null) {
            raise(new AppointmentSet(id, complaintId, technicianId, window.windowStart(), window.windowEnd(), now));
            return null;
        }
        var withNotice = !now.isAfter(previous.windowStart().minus(notice));
        raise(new AppointmentRescheduled(
                id,
                complaintId,
                technicianId,
                previous.windowStart(),
                previous.windowEnd(),
                window.windowStart(),
                window.windowEnd(),
                withNotice,
                now));
        if (withNotice) {
            return AppointmentOutcome.WITH_NOTICE;
        }
        raise(new AppointmentBroken(
                id,
                complaintId,
                technicianId,
                dealerId,
                previous.windowStart(),
                previous.windowEnd(),
                "rescheduled less than " + notice.toMinutes() + " minutes before the window",
                now));
        return AppointmentOutcome.BROKEN;
    }

    /**
     * The technician is on site; raises {@link TechnicianArrived} once. Arriving after the window's
     * end breaks the appointment as if the sweep had found it.
     *
     * @return what became of the open window, or null (no window, or arrival recorded already)
     */
    public AppointmentOutcome arrive(Instant now) {
        requireAssigned("arrive for");
        if (arrivedAt != null) {
            return null;
        }
        acceptImplicitly(now);
        var late = breakMissedAppointment(now);
        var kept = appointmentDueAt != null;
        arrivedAt = now;
        appointmentDueAt = null;
        raise(new TechnicianArrived(id, complaintId, technicianId, now));
        return late ? AppointmentOutcome.BROKEN : kept ? AppointmentOutcome.KEPT : null;
    }

    /** Nobody arrived by the window's end. */
    public boolean appointmentMissedAt(Instant now) {
        return status == AssignmentStatus.ASSIGNED
                && arrivedAt == null
                && appointmentDueAt != null
                && !now.isBefore(appointmentDueAt);
    }

    /** Records the missed window as broken ({@link AppointmentBroken}); false when it is not missed. */
    public boolean breakMissedAppointment(Instant now) {
        if (!appointmentMissedAt(now)) {
            return false;
        }
        appointmentDueAt = null;
        raise(new AppointmentBroken(
                id,
                complaintId,
                technicianId,
                dealerId,
                appointment.windowStart(),
                appointment.windowEnd(),
                "nobody arrived by the window's end",
                now));
        return true;
    }

    /** The fee the customer is told before the visit; raises {@link FeeQuoted}. A new quote replaces the old. */
    public void quote(FeeQuote quote) {
        requireAssigned("quote a fee for");
        this.quote = quote;
        raise(new FeeQuoted(
                id,
                complaintId,
                quote.inWarranty(),
                quote.doorFee(),
                quote.labour(),
                quote.parts(),
                quote.total(),
                quote.quotedAt()));
    }

    /** The customer agreed to pay more than quoted, up to the consent's amount. */
    public void recordConsent(FeeConsent consent) {
        requireAssigned("record a consent for");
        this.consent = consent;
    }

    /** Charging above the quote needs the customer's recorded consent; without a quote nothing limits the fee. */
    private void requireConsentFor(BigDecimal charged) {
        if (charged == null || quote == null || charged.compareTo(quote.total()) <= 0) {
            return;
        }
        if (consent == null || charged.compareTo(consent.amount()) > 0) {
            throw new ChargeNotConsentedException("charging " + charged.toPlainString() + " on " + id
                    + " is above the quote of " + quote.total().toPlainString()
                    + (consent == null
                            ? " and the customer's consent is not recorded"
                            : " and the consent recorded covers only "
                                    + consent.amount().toPlainString()));
        }
    }

    /** Working on an offered assignment takes it, without an event of its own: the work speaks. */
    private void acceptImplicitly(Instant now) {
        if (acceptedAt == null) {
            acceptedAt = now;
            offerExpiresAt = null;
        }
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
        events.raise(event, complaintId);
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

    /** Null while only offered. */
    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    public List<String> passedOver() {
        return List.copyOf(passedOver);
    }

    public Appointment appointment() {
        return appointment;
    }

    public Instant appointmentDueAt() {
        return appointmentDueAt;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    /** Marks the visit as a repeat: the same machine had a visit completed within the last 30 days. */
    public void markRepeatVisit() {
        this.repeatVisit = true;
    }

    public boolean repeatVisit() {
        return repeatVisit;
    }

    /** Null until quoted. */
    public FeeQuote quote() {
        return quote;
    }

    /** Null unless the customer agreed to pay more than quoted. */
    public FeeConsent consent() {
        return consent;
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

    public AggregateEvents events() {
        return events;
    }
}
