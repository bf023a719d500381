package dev.aftersales.intake.complaint.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintEscalated;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.intake.SlaBreached;
import dev.aftersales.contracts.intake.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A case file: the complaint form as the agent filled it, who took the call (that agent stays
 * accountable), the call log, the SLA clocks started at registration, the complaint procedure's
 * resolution, and the timeline of everything the other services did about it since. One document
 * holds all of it together with the outbox, so a change and the events it causes are one write, and
 * the ids of consumed events, so a redelivered event changes nothing.
 *
 * <p>Use {@link #register} when a call comes in, {@link #restore} to rebuild a stored case.
 */
public final class Complaint {

    private final String id;
    private final ComplaintForm form;
    private final String takenBy;
    private final Instant registeredAt;
    private final SlaDeadlines sla;
    private SlaClocks clocks;
    private Priority priority;
    private boolean settledByPhone;
    private int round;
    private final List<CallRecord> calls;
    private Resolution resolution;
    private final List<TimelineEntry> timeline;
    private final Long version;
    private final AggregateEvents events;

    private Complaint(String id, ComplaintState s, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.form = s.form();
        this.takenBy = Objects.requireNonNull(s.takenBy(), "takenBy");
        this.registeredAt = Objects.requireNonNull(s.registeredAt(), "registeredAt");
        this.sla = Objects.requireNonNull(s.sla(), "sla");
        this.clocks = s.clocks() == null ? SlaClocks.STARTED : s.clocks();
        this.priority = Objects.requireNonNull(s.priority(), "priority");
        this.settledByPhone = s.settledByPhone();
        this.round = Math.max(1, s.round());
        this.calls = new ArrayList<>(s.calls() == null ? List.of() : s.calls());
        this.resolution = s.resolution();
        this.timeline = new ArrayList<>(s.timeline() == null ? List.of() : s.timeline());
        this.timeline.sort(Comparator.comparing(TimelineEntry::at));
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    /**
     * Opens a case: its SLA clocks start at {@code registeredAt}, and {@code ComplaintRegistered}
     * (with the first phone as the contact) is raised for dispatch and follow-up.
     *
     * @param takenBy the user id of the agent who took the call
     */
    public static Complaint register(
            String id, ComplaintForm form, String takenBy, Instant registeredAt, SlaPolicy policy) {
        return register(id, form, takenBy, registeredAt, policy, id, null);
    }

    /**
     * Opens a case as {@link #register(String, ComplaintForm, String, Instant, SlaPolicy)} does.
     *
     * @param callId the id of the registering call in the call log
     * @param phoneGuidance the guidance the agent gave when the case was settled on this call (电话指导),
     *     else null: then dispatch sends nobody, the first-answer clock is met and the on-site clock stopped
     */
    public static Complaint register(
            String id,
            ComplaintForm form,
            String takenBy,
            Instant registeredAt,
            SlaPolicy policy,
            String callId,
            String phoneGuidance) {
        var sla = policy.deadlinesFrom(registeredAt);
        var settled = phoneGuidance != null;
        var registered = new TimelineEntry(
                registeredAt,
                Milestone.REGISTERED,
                form.kind() + " via " + form.channel() + ", taken by " + takenBy,
                null,
                takenBy);
        var complaint = new Complaint(
                id,
                ComplaintState.of(
                        form,
                        takenBy,
                        registeredAt,
                        sla,
                        SlaClocks.STARTED,
                        Priority.NORMAL,
                        false,
                        1,
                        List.of(new CallRecord(callId, registeredAt, takenBy, form.channel(), form.symptoms())),
                        null,
                        List.of(registered)),
                null,
                new AggregateEvents());
        if (!form.kind().needsVisit()) {
            // Nobody is sent for a quality complaint, fee dispute or attitude complaint.
            complaint.clocks = complaint.clocks.with(SlaClock.ON_SITE, SlaClockState.RUNNING.stopped(registeredAt));
        }
        var customer = form.customer();
        complaint.events.raise(
                new ComplaintRegistered(
                        id,
                        form.kind(),
                        form.channel(),
                        form.machine().serialNumber(),
                        form.machine().model(),
                        form.symptoms(),
                        form.customerRequest(),
                        new CaseContact(
                                customer.name(), customer.contactPhone(), customer.address(), customer.regionCode()),
                        takenBy,
                        registeredAt,
                        sla.firstAnswerDue(),
                        sla.onSiteDue(),
                        sla.resolutionDue(),
                        dev.aftersales.contracts.intake.Priority.NORMAL,
                        settled,
                        form.customerId(),
                        form.machine().batchNumber()),
                id);
        if (settled) {
            complaint.resolveByPhone(phoneGuidance, takenBy, registeredAt);
        }
        return complaint;
    }

    /** A case as stored, with the store's version and its events; raises nothing. */
    public static Complaint restore(String id, ComplaintState state, Long version, AggregateEvents events) {
        return new Complaint(id, state, version, events);
    }

    /** The case's state as of now, for the store; the id, version and events are read beside it. */
    public ComplaintState snapshot() {
        return ComplaintState.of(
                form,
                takenBy,
                registeredAt,
                sla,
                clocks,
                priority,
                settledByPhone,
                round,
                List.copyOf(calls),
                resolution,
                List.copyOf(timeline));
    }

    /**
     * The customer called again about this open case: the call is logged here instead of opening a
     * new case. The {@code escalateAt}-th call raises the priority to HIGH and publishes
     * {@code ComplaintEscalated}, once.
     *
     * @return false when this call was logged before (same call id): nothing changed
     */
    public boolean logCall(CallRecord call, int escalateAt) {
        requireOpen();
        if (calls.stream().anyMatch(c -> c.callId().equals(call.callId()))) {
            return false;
        }
        calls.add(call);
        add(new TimelineEntry(
                call.at(),
                Milestone.CALL_LOGGED,
                "call " + calls.size() + " via " + call.channel() + (call.note().isBlank() ? "" : ": " + call.note()),
                null,
                call.takenBy()));
        if (calls.size() >= escalateAt && priority == Priority.NORMAL) {
            priority = Priority.HIGH;
            var reason = calls.size() + " calls before the case was done";
            add(new TimelineEntry(call.at(), Milestone.PRIORITY_RAISED, "HIGH: " + reason, null, null));
            events.raise(
                    new ComplaintEscalated(
                            id, dev.aftersales.contracts.intake.Priority.HIGH, calls.size(), reason, call.at()),
                    id);
        }
        return true;
    }

    /** An agent answered the customer (called back, told them what happens next): the first-answer clock is met. */
    public void recordAnswer(String note, String by, Instant at) {
        requireOpen();
        add(new TimelineEntry(at, Milestone.CUSTOMER_ANSWERED, note, null, by));
        meet(SlaClock.FIRST_ANSWER, at);
    }

    /**
     * The agent settled the case by phone guidance (电话指导): no visit, the on-site clock stops, a
     * return call is still due (follow-up schedules it on {@code ComplaintResolvedByPhone}).
     */
    public void resolveByPhone(String guidance, String by, Instant at) {
        requireOpen();
        if (settledByPhone) {
            throw new CaseRuleViolation("complaint " + id + " was already resolved by phone");
        }
        settledByPhone = true;
        add(new TimelineEntry(at, Milestone.RESOLVED_BY_PHONE, guidance, null, by));
        meet(SlaClock.FIRST_ANSWER, at);
        clocks = clocks.with(SlaClock.ON_SITE, clocks.onSite().stopped(at));
        events.raise(new ComplaintResolvedByPhone(id, guidance, by, at), id);
    }

    /** The technician is on site: the on-site clock is met (and the customer has certainly had an answer). */
    public void technicianArrived(Instant at) {
        meet(SlaClock.FIRST_ANSWER, at);
        meet(SlaClock.ON_SITE, at);
    }

    /** The technician phoned the customer and agreed a window: that is an answer. */
    public void appointmentSet(Instant at) {
        meet(SlaClock.FIRST_ANSWER, at);
    }

    /**
     * Breaches every running clock whose deadline is at or before {@code now}, once: a breached clock
     * does not run any more. Raises {@code SlaBreached} for each.
     *
     * @return the clocks breached now
     */
    public List<SlaClock> breachDueClocks(Instant now) {
        var breached = new ArrayList<SlaClock>();
        if (!status().isOpen()) {
            return breached;
        }
        for (var clock : SlaClock.values()) {
            var due = sla.dueAt(clock);
            if (clocks.get(clock).running() && !due.isAfter(now)) {
                clocks = clocks.with(clock, clocks.get(clock).breached(now));
                add(new TimelineEntry(now, Milestone.SLA_BREACHED, clock + " was due " + due, null, null));
                events.raise(new SlaBreached(id, clock, form.kind(), due, now), id);
                breached.add(clock);
            }
        }
        return breached;
    }

    /** When the sweep must look at this case next: the earliest deadline of a running clock, or null. */
    public Instant nextSlaDue() {
        if (!status().isOpen()) {
            return null;
        }
        Instant next = null;
        for (var clock : SlaClock.values()) {
            var due = sla.dueAt(clock);
            if (clocks.get(clock).running() && (next == null || due.isBefore(next))) {
                next = due;
            }
        }
        return next;
    }

    /**
     * Follow-up reports the customer satisfied with round {@code satisfiedRound}: the case closes and
     * {@code ComplaintClosed} is published. A report about an earlier round is recorded only.
     */
    public void customerSatisfied(int satisfiedRound, TimelineEntry entry) {
        add(entry);
        var now = entry.at();
        if (!status().isOpen() || (satisfiedRound > 0 && satisfiedRound < round)) {
            return;
        }
        add(new TimelineEntry(now, Milestone.CLOSED, "satisfied after round " + round, null, null));
        meet(SlaClock.RESOLUTION, now);
        for (var clock : SlaClock.values()) {
            clocks = clocks.with(clock, clocks.get(clock).stopped(now));
        }
        events.raise(new ComplaintClosed(id, round, now), id);
    }

    /**
     * Follow-up reports the customer not satisfied with round {@code dissatisfiedRound}: the case
     * opens again for the next round and {@code ComplaintReopened} sends dispatch out again. A report
     * about an earlier round, or about a closed case, is recorded only.
     */
    public void customerDissatisfied(int dissatisfiedRound, String reason, TimelineEntry entry) {
        add(entry);
        var now = entry.at();
        if (!status().isOpen() || (dissatisfiedRound > 0 && dissatisfiedRound < round)) {
            return;
        }
        round++;
        add(new TimelineEntry(
                now, Milestone.REOPENED, "round " + round + (reason == null ? "" : ": " + reason), null, null));
        events.raise(new ComplaintReopened(id, round, form.machine().serialNumber(), reason, now), id);
    }

    /** Step 4 of the complaint procedure: an agent proposes how to settle a quality complaint or fee dispute. */
    public void proposeResolution(String resolutionId, List<ResolutionAction> actions, String by, Instant at) {
        requireOpen();
        if (!form.kind().equals(dev.aftersales.contracts.intake.ComplaintKind.QUALITY_COMPLAINT)
                && !form.kind().equals(dev.aftersales.contracts.intake.ComplaintKind.FEE_DISPUTE)) {
            throw new CaseRuleViolation(
                    "the complaint procedure is for quality complaints and fee disputes, not " + form.kind());
        }
        if (resolution != null && resolution.accepted()) {
            throw new CaseRuleViolation("complaint " + id + " already has an agreed resolution");
        }
        resolution = new Resolution(resolutionId, actions, by, at, null, null, null, null);
        add(new TimelineEntry(at, Milestone.RESOLUTION_PROPOSED, describe(actions), null, by));
        meet(SlaClock.FIRST_ANSWER, at);
    }

    /** A supervisor approves the proposed resolution. */
    public void approveResolution(String by, Instant at) {
        requireOpen();
        if (resolution == null) {
            throw new CaseRuleViolation("complaint " + id + " has no proposed resolution to approve");
        }
        if (resolution.approved()) {
            throw new CaseRuleViolation("the resolution of complaint " + id + " is already approved");
        }
        resolution = resolution.approve(by, at);
        add(new TimelineEntry(at, Milestone.RESOLUTION_APPROVED, describe(resolution.actions()), null, by));
        events.audit(
                "resolution.approved",
                by,
                id,
                java.util.Map.of(
                        "actions",
                        resolution.actions().stream()
                                .map(a -> a.kind().name())
                                .collect(java.util.stream.Collectors.joining(","))),
                at);
    }

    /**
     * The customer accepted the approved resolution: it is agreed and {@code ResolutionAgreed} tells
     * the departments to carry it out. Never before a supervisor's approval.
     */
    public void recordAcceptance(String recordedBy, Instant at) {
        requireOpen();
        if (resolution == null || !resolution.approved()) {
            throw new CaseRuleViolation(
                    "the resolution of complaint " + id + " must be approved by a supervisor first");
        }
        if (resolution.accepted()) {
            throw new CaseRuleViolation("the customer already accepted the resolution of complaint " + id);
        }
        resolution = resolution.accept(recordedBy, at);
        add(new TimelineEntry(at, Milestone.RESOLUTION_ACCEPTED, "customer accepted", null, recordedBy));
        add(new TimelineEntry(
                at,
                Milestone.RESOLUTION_AGREED,
                describe(resolution.actions()) + ", approved by " + resolution.approvedBy(),
                null,
                recordedBy));
        events.raise(
                new ResolutionAgreed(id, resolution.resolutionId(), resolution.actions(), resolution.approvedBy(), at),
                id);
    }

    private static String describe(List<ResolutionAction> actions) {
        var parts = new ArrayList<String>();
        for (var action : actions) {
            var text = action.kind().name();
            if (action.amount() != null) {
                text += " " + action.amount().toPlainString();
            }
            if (action.description() != null && !action.description().isBlank()) {
                text += " (" + action.description() + ")";
            }
            parts.add(text);
        }
        return String.join(" + ", parts);
    }

    /**
     * Adds what another service reported about this case to its timeline, in time order.
     *
     * @param eventId the {@code ce_id} of the event that reported it
     * @return false when that event was recorded before: nothing changed
     */
    public boolean record(String eventId, TimelineEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!events.firstDelivery(eventId)) {
            return false;
        }
        add(entry);
        return true;
    }

    /** Adds a line to the timeline in time order; the caller has checked the event is new. */
    public void append(TimelineEntry entry) {
        add(Objects.requireNonNull(entry, "entry"));
    }

    private void add(TimelineEntry entry) {
        int at = timeline.size();
        while (at > 0 && timeline.get(at - 1).at().isAfter(entry.at())) {
            at--;
        }
        timeline.add(at, entry);
    }

    private void meet(SlaClock clock, Instant at) {
        clocks = clocks.with(clock, clocks.get(clock).met(at));
    }

    private void requireOpen() {
        if (!status().isOpen()) {
            throw new CaseRuleViolation("complaint " + id + " is closed");
        }
    }

    /**
     * Derived from the timeline in time order rather than from the order events arrived in: the
     * streams of dispatch, parts and follow-up are not ordered with each other.
     */
    public ComplaintStatus status() {
        var status = ComplaintStatus.OPEN;
        for (var entry : timeline) {
            status = switch (entry.what()) {
                case TECHNICIAN_ASSIGNED -> status == ComplaintStatus.CLOSED ? status : ComplaintStatus.ASSIGNED;
                case ASSIGNMENT_ESCALATED -> status == ComplaintStatus.CLOSED ? status : ComplaintStatus.ESCALATED;
                case VISIT_COMPLETED ->
                    status == ComplaintStatus.CLOSED ? status : ComplaintStatus.AWAITING_RETURN_CALL;
                case RESOLVED_BY_PHONE -> ComplaintStatus.RESOLVED_BY_PHONE;
                case REOPENED -> ComplaintStatus.REOPENED;
                case CLOSED -> ComplaintStatus.CLOSED;
                default -> status;
            };
        }
        return status;
    }

    public String id() {
        return id;
    }

    public ComplaintForm form() {
        return form;
    }

    public String takenBy() {
        return takenBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public SlaDeadlines sla() {
        return sla;
    }

    public SlaClocks clocks() {
        return clocks;
    }

    public Priority priority() {
        return priority;
    }

    public boolean settledByPhone() {
        return settledByPhone;
    }

    /** The first visit is round 1; each reopening starts the next. */
    public int round() {
        return round;
    }

    /** Every call about this case, the registering call first. */
    public List<CallRecord> calls() {
        return List.copyOf(calls);
    }

    /** The complaint procedure's resolution, or null. */
    public Resolution resolution() {
        return resolution;
    }

    /** Oldest first; entries with the same time keep the order they were recorded in. */
    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    /** The stored version this case was read at; null before its first save. */
    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
