package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.dispatch.AppointmentBroken;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.FeeQuoted;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.intake.SubjectKind;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.Technician;
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
    private final AssignmentState state;
    private final Long version;
    private final AggregateEvents events;

    private Assignment(String id, AssignmentState state, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.state = state.settled();
        Objects.requireNonNull(state.complaintId, "complaintId");
        Objects.requireNonNull(state.status, "status");
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
        var installation = decision.installation();
        var state = new AssignmentState();
        state.complaintId = complaint.complaintId();
        state.serialNumber = complaint.serialNumber();
        state.kind = complaint.kind();
        state.symptoms = complaint.symptoms();
        state.contact = complaint.contact();
        state.onSiteDue = complaint.onSiteDue();
        state.site = installation != null ? installation.site() : siteOfCaller(complaint);
        state.priority = complaint.priority();
        state.excludedTechnicianId = subjectTechnician(complaint);
        state.installation = installation == null ? complaint.installation() : null;
        return opened(idFor(complaint.complaintId()), state, decision, now, offerTimeout);
    }

    /** The technician a case is about (a service-attitude complaint about them); null when none. */
    public static String subjectTechnician(ComplaintRegistered complaint) {
        var subject = complaint.subject();
        return subject != null && subject.kind() == SubjectKind.TECHNICIAN ? subject.id() : null;
    }

    /** A machine still to be installed stands where the caller lives; other unknown machines have no site. */
    private static Site siteOfCaller(ComplaintRegistered complaint) {
        var contact = complaint.contact();
        if (complaint.installation() == null || contact == null) {
            return null;
        }
        return new Site(contact.address(), contact.regionCode());
    }

    /** The assignment of a visit an agreed resolution asks for (a REVISIT): one per action. */
    public static String idFor(String complaintId, String actionId) {
        return idFor(complaintId) + "-A" + actionId;
    }

    /**
     * A visit to carry out an action of an agreed resolution (a REVISIT), never by {@code
     * excludedTechnicianId}; the case's machine, contact and priority come from what dispatch knows of it.
     */
    public static Assignment forAction(
            KnownCase known,
            String actionId,
            String description,
            String excludedTechnicianId,
            Site site,
            Decision decision,
            Instant now,
            Duration offerTimeout) {
        var state = new AssignmentState();
        state.complaintId = known.complaintId();
        state.serialNumber = known.serialNumber();
        state.kind = known.kind();
        state.symptoms = description != null ? description : known.symptoms();
        state.contact = known.contact();
        state.onSiteDue = null;
        state.site = decision.installation() != null ? decision.installation().site() : site;
        state.priority = known.priority();
        state.excludedTechnicianId = excludedTechnicianId;
        state.resolutionActionId = actionId;
        return opened(idFor(known.complaintId(), actionId), state, decision, now, offerTimeout);
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
        var earlier = previous == null ? new AssignmentState() : previous.state;
        var state = new AssignmentState();
        state.complaintId = complaintId;
        state.serialNumber = serialNumber;
        state.kind = earlier.kind;
        state.symptoms = why != null ? why : earlier.symptoms;
        state.contact = earlier.contact;
        state.site = installation != null ? installation.site() : earlier.site;
        state.priority = earlier.priority;
        state.excludedTechnicianId = earlier.excludedTechnicianId;
        return opened(idFor(complaintId, round), state, decision, now, offerTimeout);
    }

    /** A first or a reopened round of a case: the rule chain's decision taken and announced. */
    private static Assignment opened(
            String id, AssignmentState state, Decision decision, Instant now, Duration offerTimeout) {
        var installation = decision.installation();
        if (decision.escalated()) {
            state.status = AssignmentStatus.ESCALATED;
            state.dealerId = installation == null ? null : installation.dealerId();
        } else {
            state.status = AssignmentStatus.ASSIGNED;
            state.technicianId = decision.technician().technicianId();
            state.dealerId = decision.technician().dealerId();
            state.offerExpiresAt = now.plus(offerTimeout);
        }
        state.rule = decision.rule();
        state.reason = decision.reason();
        state.decidedAt = now;
        var assignment = new Assignment(id, state, null, new AggregateEvents());
        if (decision.escalated()) {
            assignment.raise(new AssignmentEscalated(id, state.complaintId, decision.reason(), now));
        } else {
            assignment.announceAssigned(now);
        }
        return assignment;
    }

    /** An assignment as stored, with the store's version and its events; raises nothing. Takes {@code state} over. */
    public static Assignment restore(String id, AssignmentState state, Long version, AggregateEvents events) {
        return new Assignment(id, state, version, events);
    }

    /** The assignment's state as of now, for the store; the id, version and events are read beside it. */
    public AssignmentState snapshot() {
        return state.copy();
    }

    /** Technicians see and change only their own assignments; an escalated one is nobody's. */
    public boolean isOwnedBy(String technicianId) {
        return state.technicianId != null && state.technicianId.equals(technicianId);
    }

    /**
     * The technician asks for a part; raises {@link PartsRequested} for parts to reserve it at the
     * technician's dealer first. A request id seen before (a retried request) changes nothing and
     * answers the request as it stands.
     */
    public PartRequest requestParts(String requestId, String partNumber, int quantity, Instant now) {
        for (var earlier : state.parts) {
            if (earlier.requestId().equals(requestId)) {
                return earlier;
            }
        }
        requireAssigned("request parts for");
        acceptImplicitly(now);
        var request = PartRequest.requested(requestId, partNumber, quantity);
        state.parts = append(state.parts, request);
        raise(new PartsRequested(
                requestId, state.complaintId, id, state.technicianId, state.dealerId, partNumber, quantity, now));
        return request;
    }

    /**
     * Records what parts made of a request (reserved, backordered). The latest outcome wins; an
     * outcome for a request this assignment does not list is added, so the list shows what parts holds.
     */
    public void recordPartsOutcome(PartRequest outcome) {
        var parts = new ArrayList<>(state.parts);
        var known = parts.stream().map(PartRequest::requestId).toList().indexOf(outcome.requestId());
        if (known >= 0) {
            parts.set(known, outcome);
        } else {
            parts.add(outcome);
        }
        state.parts = List.copyOf(parts);
    }

    /** The technician finished the visit; raises {@link VisitCompleted}. A visit is completed once. */
    public void complete(Visit report) {
        requireAssigned("complete");
        if (state.installation != null && report.installed() == null) {
            // The archive learns the new machine only from this completion: without it the machine is lost.
            throw new AssignmentNotOpenException(
                    "cannot complete " + id + " without the machine installed (serial, day, site)");
        }
        requireConsentFor(report.feeCharged());
        acceptImplicitly(report.completedAt());
        state.visit = report;
        state.offerExpiresAt = null;
        state.appointmentDueAt = null;
        state.status = AssignmentStatus.COMPLETED;
        raise(new VisitCompleted(
                id,
                state.complaintId,
                state.technicianId,
                state.dealerId,
                state.serialNumber,
                report.diagnosis(),
                report.rootCause(),
                report.partsUsed(),
                report.feeCharged(),
                report.fixed(),
                report.completedAt(),
                state.kind,
                state.resolutionActionId,
                report.installed(),
                report.relocatedTo()));
    }

    /**
     * The holder takes the job; raises {@link AssignmentAccepted}.
     *
     * @return false when it was accepted already (nothing changes)
     */
    public boolean accept(Instant now) {
        requireAssigned("accept");
        if (state.acceptedAt != null) {
            return false;
        }
        state.acceptedAt = now;
        state.offerExpiresAt = null;
        raise(new AssignmentAccepted(id, state.complaintId, state.technicianId, now));
        return true;
    }

    /** Whether the holder has taken the job (explicitly, or by starting to work on it). */
    public boolean accepted() {
        return state.acceptedAt != null;
    }

    /** An offer still open at {@code now} whose time is up. */
    public boolean offerExpiredAt(Instant now) {
        return state.status == AssignmentStatus.ASSIGNED
                && state.acceptedAt == null
                && state.offerExpiresAt != null
                && !now.isBefore(state.offerExpiresAt);
    }

    /** Who must be skipped when the case is offered to the next candidate: everyone who passed, and the holder. */
    public Set<String> passedOverWith(String holder) {
        var skip = new LinkedHashSet<>(state.passedOver);
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
        if (state.acceptedAt != null) {
            throw new AssignmentNotOpenException("cannot decline " + id + ": it was accepted already");
        }
        raise(new AssignmentDeclined(id, state.complaintId, state.technicianId, why, timedOut, now));
        state.passedOver = append(state.passedOver, state.technicianId);
        state.reason = next.reason();
        if (next.escalated()) {
            state.status = AssignmentStatus.ESCALATED;
            state.technicianId = null;
            state.rule = null;
            state.dealerId = next.installation() == null
                    ? state.dealerId
                    : next.installation().dealerId();
            state.offerExpiresAt = null;
            raise(new AssignmentEscalated(id, state.complaintId, next.reason(), now));
        } else {
            state.technicianId = next.technician().technicianId();
            state.dealerId = next.technician().dealerId();
            state.rule = next.rule();
            state.offerExpiresAt = now.plus(offerTimeout);
            state.assignedBy = null;
            state.note = null;
            announceAssigned(now);
        }
    }

    /**
     * A dispatcher gives the case to a technician of their choice (rule MANUAL, with their id and
     * note), or hands it to a service point's technician, whether it was escalated or held by
     * someone else who has not arrived yet. The previous holder loses it ({@link AssignmentCancelled},
     * HANDED_OVER, which also frees what parts reserved for them). The chain's reasons are kept
     * after the dispatcher's. The new holder gets an offer like any other.
     *
     * @return the previous holder, or null
     */
    public String handOver(
            Technician chosen,
            AssignmentRule rule,
            String why,
            String dispatcherId,
            String note,
            Instant now,
            Duration offerTimeout) {
        requireOpenForDispatcher("hand over");
        if (chosen.technicianId().equals(state.excludedTechnicianId)) {
            throw new AssignmentNotOpenException(
                    "cannot give " + id + " to " + chosen.technicianId() + ": the case is about them");
        }
        var previous = state.technicianId;
        if (chosen.technicianId().equals(previous)) {
            throw new AssignmentNotOpenException(id + " is held by " + previous + " already");
        }
        if (previous != null) {
            raise(new AssignmentCancelled(
                    id,
                    state.complaintId,
                    previous,
                    WithdrawalReason.HANDED_OVER,
                    false,
                    WAIVED_BEFORE_ARRIVAL,
                    BigDecimal.ZERO,
                    now));
            // What was reserved for the previous holder is released with the cancellation.
            state.parts = List.of();
        }
        var chainSaid = state.reason;
        state.status = AssignmentStatus.ASSIGNED;
        state.technicianId = chosen.technicianId();
        state.dealerId = chosen.dealerId();
        state.rule = rule;
        state.reason = chainSaid == null || chainSaid.isBlank() ? why : why + "; earlier: " + chainSaid;
        state.assignedBy = dispatcherId;
        state.note = note;
        state.acceptedAt = null;
        state.offerExpiresAt = now.plus(offerTimeout);
        state.appointment = null;
        state.appointmentDueAt = null;
        state.decidedAt = now;
        announceAssigned(now);
        return previous;
    }

    /**
     * The dispatcher runs the rule chain again (after the archive or availability changed). A new
     * holder takes the case as by {@link #handOver}; an escalation stays escalated with the new reasons.
     *
     * @return the previous holder when the case changed hands, else null
     */
    public String rerun(Decision decision, Instant now, Duration offerTimeout) {
        requireOpenForDispatcher("re-run the chain for");
        if (decision.escalated()) {
            if (state.status == AssignmentStatus.ESCALATED) {
                state.reason = decision.reason();
                return null;
            }
            throw new AssignmentNotOpenException("the chain finds nobody else for " + id + ": " + decision.reason());
        }
        var chosen = decision.technician();
        if (chosen.technicianId().equals(state.technicianId)) {
            return null;
        }
        // The chain chose, not the dispatcher: assignedBy stays empty (the contract keeps it for MANUAL).
        return handOver(chosen, decision.rule(), decision.reason(), null, null, now, offerTimeout);
    }

    /**
     * The case was settled, closed, merged or cancelled: nobody should go. Before the technician
     * arrives the assignment is cancelled at once ({@link AssignmentCancelled}, door fee waived);
     * once they are on site it waits for their acknowledgement ({@link #acknowledgeWithdrawal}).
     * An assignment done, cancelled or already being withdrawn is left as it is.
     */
    public WithdrawalOutcome withdraw(WithdrawalReason reason, Instant now) {
        if (state.status != AssignmentStatus.ASSIGNED && state.status != AssignmentStatus.ESCALATED) {
            return WithdrawalOutcome.NOTHING_OPEN;
        }
        if (state.withdrawal != null) {
            return WithdrawalOutcome.NOTHING_OPEN;
        }
        if (state.arrivedAt != null) {
            state.withdrawal = new Withdrawal(reason, now, true, null, null, null);
            return WithdrawalOutcome.AWAITING_ACKNOWLEDGEMENT;
        }
        state.withdrawal = new Withdrawal(reason, now, false, WAIVED_BEFORE_ARRIVAL, BigDecimal.ZERO, now);
        cancel(now);
        return WithdrawalOutcome.CANCELLED;
    }

    /**
     * The technician on site acknowledges the withdrawal: the assignment is cancelled and the door-fee
     * rule applied. The customer pays the trip only as quoted before the visit: waived in the
     * whole-machine warranty, and waived when no fee was quoted (no surprise door fees).
     */
    public void acknowledgeWithdrawal(Instant now) {
        var pending = state.withdrawal;
        if (pending == null || !pending.pending()) {
            throw new AssignmentNotOpenException("nothing to acknowledge on " + id + ": it is not being withdrawn");
        }
        var quote = state.quote;
        String rule;
        BigDecimal fee;
        if (quote == null) {
            rule = WAIVED_NOT_QUOTED;
            fee = BigDecimal.ZERO;
        } else if (quote.inWarranty()) {
            rule = WAIVED_IN_WARRANTY;
            fee = BigDecimal.ZERO;
        } else {
            rule = CHARGED_AS_QUOTED;
            fee = quote.doorFee();
        }
        state.withdrawal = new Withdrawal(pending.reason(), pending.requestedAt(), true, rule, fee, now);
        cancel(now);
    }

    /** The door-fee rules a withdrawal applies, in the words the customer is told. */
    public static final String WAIVED_BEFORE_ARRIVAL = "waived: withdrawn before the technician arrived";

    public static final String WAIVED_IN_WARRANTY = "waived: the machine is in its whole-machine warranty";
    public static final String WAIVED_NOT_QUOTED = "waived: no door fee was quoted before the visit";
    public static final String CHARGED_AS_QUOTED =
            "door fee as quoted: the technician was on site when the case was withdrawn";

    private void cancel(Instant now) {
        var w = state.withdrawal;
        state.status = AssignmentStatus.CANCELLED;
        state.offerExpiresAt = null;
        state.appointmentDueAt = null;
        raise(new AssignmentCancelled(
                id,
                state.complaintId,
                state.technicianId,
                w.reason(),
                w.afterArrival(),
                w.doorFeeRule(),
                w.doorFeeCharged(),
                now));
    }

    /** The case's priority changed at intake; shown on the lists from now on. */
    public boolean changePriority(Priority priority) {
        if (priority == null || priority == state.priority) {
            return false;
        }
        state.priority = priority;
        return true;
    }

    /** Whether this technician may see the case at all: never the one it is about. */
    public boolean isAbout(String technicianId) {
        return technicianId != null && technicianId.equals(state.excludedTechnicianId);
    }

    private void requireOpenForDispatcher(String action) {
        if (state.status != AssignmentStatus.ASSIGNED && state.status != AssignmentStatus.ESCALATED) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": it is " + state.status);
        }
        if (state.withdrawal != null) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": it is being withdrawn");
        }
        if (state.arrivedAt != null) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": the technician is on site already");
        }
    }

    private void announceAssigned(Instant now) {
        raise(new TechnicianAssigned(
                id,
                state.complaintId,
                state.technicianId,
                state.dealerId,
                state.rule,
                state.reason,
                now,
                priority(),
                state.assignedBy,
                state.note,
                state.resolutionActionId));
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
        if (state.arrivedAt != null) {
            throw new AssignmentNotOpenException("cannot set an appointment for " + id + ": the technician is on site");
        }
        acceptImplicitly(now);
        var previous = state.appointment;
        state.appointment = window;
        state.appointmentDueAt = window.windowEnd();
        if (previous == null) {
            raise(new AppointmentSet(
                    id, state.complaintId, state.technicianId, window.windowStart(), window.windowEnd(), now));
            return null;
        }
        var withNotice = !now.isAfter(previous.windowStart().minus(notice));
        raise(new AppointmentRescheduled(
                id,
                state.complaintId,
                state.technicianId,
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
                state.complaintId,
                state.technicianId,
                state.dealerId,
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
        if (state.arrivedAt != null) {
            return null;
        }
        acceptImplicitly(now);
        var late = breakMissedAppointment(now);
        var kept = state.appointmentDueAt != null;
        state.arrivedAt = now;
        state.appointmentDueAt = null;
        raise(new TechnicianArrived(id, state.complaintId, state.technicianId, now));
        return late ? AppointmentOutcome.BROKEN : kept ? AppointmentOutcome.KEPT : null;
    }

    /** Nobody arrived by the window's end. */
    public boolean appointmentMissedAt(Instant now) {
        return state.status == AssignmentStatus.ASSIGNED
                && state.arrivedAt == null
                && state.appointmentDueAt != null
                && !now.isBefore(state.appointmentDueAt);
    }

    /** Records the missed window as broken ({@link AppointmentBroken}); false when it is not missed. */
    public boolean breakMissedAppointment(Instant now) {
        if (!appointmentMissedAt(now)) {
            return false;
        }
        state.appointmentDueAt = null;
        raise(new AppointmentBroken(
                id,
                state.complaintId,
                state.technicianId,
                state.dealerId,
                state.appointment.windowStart(),
                state.appointment.windowEnd(),
                "nobody arrived by the window's end",
                now));
        return true;
    }

    /** The fee the customer is told before the visit; raises {@link FeeQuoted}. A new quote replaces the old. */
    public void quote(FeeQuote quote) {
        requireAssigned("quote a fee for");
        state.quote = quote;
        raise(new FeeQuoted(
                id,
                state.complaintId,
                quote.inWarranty(),
                quote.doorFee(),
                quote.labour(),
                quote.parts(),
                quote.total(),
                quote.quotedAt()));
    }

    /** How far back consent codes count against the per-case limit. */
    public static final Duration CONSENT_CODE_WINDOW = Duration.ofHours(1);

    /** Whether charging {@code amount} needs the customer's consent: there is a quote, and it is above it. */
    public boolean aboveQuote(BigDecimal amount) {
        return state.quote != null && amount.compareTo(state.quote.total()) > 0;
    }

    /**
     * When the next consent code may be sent if at most {@code perWindow} go out per {@link
     * #CONSENT_CODE_WINDOW}; null when one may go now.
     */
    public Instant nextConsentCodeAt(Instant now, int perWindow) {
        var recent = state.consentCodesSent.stream()
                .filter(sent -> sent.isAfter(now.minus(CONSENT_CODE_WINDOW)))
                .sorted()
                .toList();
        return recent.size() < perWindow
                ? null
                : recent.get(recent.size() - perWindow).plus(CONSENT_CODE_WINDOW);
    }

    /** A code is on its way to the customer; it replaces any code sent before and counts against the limit. */
    public void challengeForConsent(FeeConsentChallenge challenge) {
        requireAssigned("ask the customer's consent for");
        var since = challenge.issuedAt().minus(CONSENT_CODE_WINDOW);
        var sent = new ArrayList<Instant>();
        for (var earlier : state.consentCodesSent) {
            if (earlier.isAfter(since)) {
                sent.add(earlier);
            }
        }
        sent.add(challenge.issuedAt());
        state.consentCodesSent = List.copyOf(sent);
        state.consentChallenge = challenge;
    }

    /**
     * The code of {@code challengeId} never reached the gateway: it is withdrawn and does not count
     * against the limit. False when another code has replaced it meanwhile (nothing changes).
     */
    public boolean withdrawConsentChallenge(String challengeId) {
        var open = state.consentChallenge;
        if (open == null || !open.id().equals(challengeId)) {
            return false;
        }
        state.consentChallenge = null;
        var sent = new ArrayList<>(state.consentCodesSent);
        sent.remove(open.issuedAt());
        state.consentCodesSent = List.copyOf(sent);
        return true;
    }

    /** The open consent code, if any: its amount, expiry and tries, never the code. */
    public FeeConsentChallenge consentChallenge() {
        return state.consentChallenge;
    }

    /**
     * The technician types the code the customer read out. The right one in time records the consent
     * ({@link FeeConsent#SMS_CODE}, audited); a wrong one uses up a try, the last try spends the code.
     * Only {@link ConsentCodeCheck#CONFIRMED} and {@link ConsentCodeCheck#WRONG} change the assignment.
     */
    public ConsentCodeCheck confirmConsentCode(String code, Instant now) {
        requireAssigned("confirm the customer's consent for");
        var challenge = state.consentChallenge;
        if (challenge == null) {
            return ConsentCodeCheck.NOT_REQUESTED;
        }
        if (challenge.spent()) {
            return ConsentCodeCheck.SPENT;
        }
        if (challenge.expiredAt(now)) {
            return ConsentCodeCheck.EXPIRED;
        }
        if (!challenge.matches(code)) {
            state.consentChallenge = challenge.wrongTry();
            return ConsentCodeCheck.WRONG;
        }
        state.consentChallenge = null;
        recordConsent(new FeeConsent(challenge.amount(), FeeConsent.SMS_CODE, challenge.id(), now, state.technicianId));
        return ConsentCodeCheck.CONFIRMED;
    }

    /**
     * A hotline agent called the customer, who agreed to pay up to {@code amount} ({@link
     * FeeConsent#AGENT_CALL}, audited with the agent's id). Any open code is no longer needed.
     */
    public void recordConsentByCall(BigDecimal amount, String note, String agentId, Instant now) {
        requireAssigned("record a consent for");
        state.consentChallenge = null;
        recordConsent(new FeeConsent(amount, FeeConsent.AGENT_CALL, note, now, agentId));
    }

    /** The customer agreed to pay more than quoted, up to the consent's amount; audited in the same write. */
    void recordConsent(FeeConsent consent) {
        state.consent = consent;
        events.audit(
                "fee.consent-recorded",
                consent.recordedBy() != null ? consent.recordedBy() : state.technicianId,
                id,
                java.util.Map.of("amount", consent.amount().toPlainString(), "method", consent.method()),
                consent.recordedAt());
    }

    /** Keeps an applied offline update's claimed time beside the server's receive time. */
    public void recordOfflineClaim(OfflineClaim claim) {
        var claims = new java.util.ArrayList<>(state.offlineClaims);
        claims.add(claim);
        state.offlineClaims = List.copyOf(claims);
    }

    public List<OfflineClaim> offlineClaims() {
        return state.offlineClaims;
    }

    /** Marks the visit as a repeat: the same machine had a visit completed within the last 30 days. */
    public void markRepeatVisit() {
        state.repeatVisit = true;
    }

    /** Charging above the quote needs the customer's recorded consent; without a quote nothing limits the fee. */
    private void requireConsentFor(BigDecimal charged) {
        var quote = state.quote;
        var consent = state.consent;
        if (charged == null || quote == null || charged.compareTo(quote.total()) <= 0) {
            return;
        }
        if (consent == null || charged.compareTo(consent.amount()) > 0) {
            throw new ChargeNotConsentedException("charging " + charged.toPlainString() + " on " + id
                    + " is above the quote of " + quote.total().toPlainString()
                    + (consent == null
                            ? " and the customer's consent is not recorded (a code to their phone, or a hotline agent's call)"
                            : " and the consent recorded covers only "
                                    + consent.amount().toPlainString()));
        }
    }

    /** Working on an offered assignment takes it, without an event of its own: the work speaks. */
    private void acceptImplicitly(Instant now) {
        if (state.acceptedAt == null) {
            state.acceptedAt = now;
            state.offerExpiresAt = null;
        }
    }

    private void requireAssigned(String action) {
        if (state.status == AssignmentStatus.COMPLETED) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": the visit is already completed");
        }
        if (state.status != AssignmentStatus.ASSIGNED) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": it is " + state.status);
        }
        if (state.withdrawal != null) {
            throw new AssignmentNotOpenException("cannot " + action + " " + id + ": the case was withdrawn ("
                    + state.withdrawal.reason() + "); acknowledge the withdrawal");
        }
    }

    /** Every event of an assignment is keyed by its complaint id: the case stream's order. */
    private void raise(Record event) {
        events.raise(event, state.complaintId);
    }

    private static <T> List<T> append(List<T> list, T item) {
        var longer = new ArrayList<T>(list);
        longer.add(item);
        return List.copyOf(longer);
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return state.complaintId;
    }

    public String serialNumber() {
        return state.serialNumber;
    }

    public ComplaintKind kind() {
        return state.kind;
    }

    public String symptoms() {
        return state.symptoms;
    }

    public CaseContact contact() {
        return state.contact;
    }

    public Instant onSiteDue() {
        return state.onSiteDue;
    }

    public Site site() {
        return state.site;
    }

    public AssignmentStatus status() {
        return state.status;
    }

    public AssignmentRule rule() {
        return state.rule;
    }

    public String reason() {
        return state.reason;
    }

    public String technicianId() {
        return state.technicianId;
    }

    public String dealerId() {
        return state.dealerId;
    }

    public Instant decidedAt() {
        return state.decidedAt;
    }

    public Instant acceptedAt() {
        return state.acceptedAt;
    }

    public Instant offerExpiresAt() {
        return state.offerExpiresAt;
    }

    public List<String> passedOver() {
        return state.passedOver;
    }

    public Appointment appointment() {
        return state.appointment;
    }

    public Instant appointmentDueAt() {
        return state.appointmentDueAt;
    }

    public Instant arrivedAt() {
        return state.arrivedAt;
    }

    public boolean repeatVisit() {
        return state.repeatVisit;
    }

    public FeeQuote quote() {
        return state.quote;
    }

    public FeeConsent consent() {
        return state.consent;
    }

    public List<PartRequest> parts() {
        return state.parts;
    }

    public Visit visit() {
        return state.visit;
    }

    /** NORMAL unless intake raised it. */
    public Priority priority() {
        return state.priority == null ? Priority.NORMAL : state.priority;
    }

    public String excludedTechnicianId() {
        return state.excludedTechnicianId;
    }

    public String resolutionActionId() {
        return state.resolutionActionId;
    }

    public InstallationRequest installation() {
        return state.installation;
    }

    public String assignedBy() {
        return state.assignedBy;
    }

    public String note() {
        return state.note;
    }

    public Withdrawal withdrawal() {
        return state.withdrawal;
    }

    /** The store's concurrency token; null before the first write. */
    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
