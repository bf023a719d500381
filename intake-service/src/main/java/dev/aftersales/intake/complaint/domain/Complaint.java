package dev.aftersales.intake.complaint.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.intake.CancellationReason;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.ComplaintCancelled;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintEscalated;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.GoodwillRecorded;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.PriorityChanged;
import dev.aftersales.contracts.intake.RepeatCallLogged;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionActionDone;
import dev.aftersales.contracts.intake.ResolutionActionOverdue;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.intake.ResolutionCarriedOut;
import dev.aftersales.contracts.intake.SlaBreached;
import dev.aftersales.contracts.intake.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
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

    /** Who changed a case when nobody did by hand (repeat calls raising its priority). */
    public static final String SYSTEM = "system";

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
    private final CaseSubject subject;
    private final LinkedHashSet<String> related;
    private final InstallationRequest installation;
    private final List<Goodwill> goodwill;
    private Cancellation cancellation;
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
        this.subject = s.subject();
        this.related = new LinkedHashSet<>(s.relatedComplaintIds() == null ? List.of() : s.relatedComplaintIds());
        this.installation = s.installation();
        this.goodwill = new ArrayList<>(s.goodwill() == null ? List.of() : s.goodwill());
        this.cancellation = s.cancellation();
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
        return register(id, form, takenBy, registeredAt, policy, callId, phoneGuidance, CaseFacts.NONE);
    }

    /**
     * Opens a case as {@link #register(String, ComplaintForm, String, Instant, SlaPolicy, String,
     * String)} does, with what the kind of case adds: the complaint's subject, the machine's other open
     * cases it is linked to, the installation request.
     */
    public static Complaint register(
            String id,
            ComplaintForm form,
            String takenBy,
            Instant registeredAt,
            SlaPolicy policy,
            String callId,
            String phoneGuidance,
            CaseFacts facts) {
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
                        List.of(registered),
                        facts.subject(),
                        facts.relatedComplaintIds().isEmpty() ? null : facts.relatedComplaintIds(),
                        facts.installation(),
                        null,
                        null),
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
                        form.machine().batchNumber(),
                        facts.subject(),
                        facts.relatedComplaintIds().isEmpty() ? null : facts.relatedComplaintIds(),
                        facts.installation()),
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
                List.copyOf(timeline),
                subject,
                related.isEmpty() ? null : List.copyOf(related),
                installation,
                goodwill.isEmpty() ? null : List.copyOf(goodwill),
                cancellation);
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
        events.raise(new RepeatCallLogged(id, calls.size(), call.at()), id);
        if (calls.size() >= escalateAt && priority == Priority.NORMAL) {
            priority = Priority.HIGH;
            var reason = calls.size() + " calls before the case was done";
            add(new TimelineEntry(call.at(), Milestone.PRIORITY_RAISED, "HIGH: " + reason, null, null));
            events.raise(
                    new ComplaintEscalated(
                            id, dev.aftersales.contracts.intake.Priority.HIGH, calls.size(), reason, call.at()),
                    id);
            events.raise(
                    new PriorityChanged(id, dev.aftersales.contracts.intake.Priority.HIGH, reason, SYSTEM, call.at()),
                    id);
        }
        return true;
    }

    /**
     * A supervisor sets the case's priority, with a reason: dispatch and parts follow it through
     * {@code PriorityChanged}.
     */
    public void changePriority(Priority to, String reason, String by, Instant at) {
        requireOpen();
        Objects.requireNonNull(to, "priority");
        if (to == priority) {
            throw new CaseRuleViolation("complaint " + id + " already has priority " + to);
        }
        var from = priority;
        priority = to;
        add(new TimelineEntry(at, Milestone.PRIORITY_CHANGED, from + " → " + to + ": " + reason, null, by));
        events.raise(
                new PriorityChanged(id, dev.aftersales.contracts.intake.Priority.valueOf(to.name()), reason, by, at),
                id);
    }

    /**
     * Another case of the same machine (another matter) was opened and linked to this one: both
     * timelines show the link. Linking twice changes nothing.
     *
     * @return false when the cases were linked before
     */
    public boolean linkTo(String otherId, String about, Instant at) {
        if (otherId.equals(id) || !related.add(otherId)) {
            return false;
        }
        add(new TimelineEntry(
                at, Milestone.CASE_LINKED, otherId + (about == null ? "" : " (" + about + ")"), null, null));
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

    /**
     * A duplicate of this case was merged into it: the timeline says so and the cases stay linked.
     *
     * @return false when the merge was shown before
     */
    public boolean mergedIn(String duplicateId, Instant at) {
        var detail = duplicateId + " merged into this case";
        if (timeline.stream()
                .anyMatch(e -> e.what() == Milestone.CASE_LINKED && e.detail().equals(detail))) {
            return false;
        }
        related.add(duplicateId);
        add(new TimelineEntry(at, Milestone.CASE_LINKED, detail, null, null));
        return true;
    }

    /** Step 4 of the complaint procedure: an agent proposes how to settle a quality complaint or fee dispute. */
    public void proposeResolution(String resolutionId, List<ResolutionAction> actions, String by, Instant at) {
        requireOpen();
        if (form.kind().needsVisit()) {
            throw new CaseRuleViolation("the complaint procedure is for quality complaints, fee disputes and"
                    + " service-attitude complaints, not " + form.kind());
        }
        // A new round (the customer was not satisfied with what was carried out) starts a new proposal.
        if (resolution != null && resolution.accepted() && resolution.roundProposed() >= round) {
            throw new CaseRuleViolation("complaint " + id + " already has an agreed resolution");
        }
        var ids = new java.util.HashSet<String>();
        for (var action : actions) {
            if (action.actionId() != null && !ids.add(action.actionId())) {
                throw new IllegalArgumentException("action " + action.actionId() + " appears twice");
            }
        }
        resolution = new Resolution(resolutionId, actions, by, at, null, null, null, null, null, round, null);
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

    /**
     * The owner carried out one action of the agreed resolution (with evidence), or the event its kind
     * follows reported it: {@code ResolutionActionDone}; with the last one {@code
     * ResolutionCarriedOut}, after which the return call decides whether the customer is satisfied.
     *
     * @return false when the action was done before: nothing changed
     * @throws CaseRuleViolation when there is no agreed resolution or no such action
     */
    public boolean actionDone(String actionId, String by, String evidence, String note, Instant at) {
        var action = agreedAction(actionId);
        var progress = resolution.progressOf(actionId);
        if (progress.done()) {
            return false;
        }
        resolution = resolution.with(progress.done(at, by, evidence, note));
        add(new TimelineEntry(
                at,
                Milestone.ACTION_DONE,
                action.kind() + " " + actionId + (evidence == null ? "" : ", evidence " + evidence)
                        + (note == null || note.isBlank() ? "" : ": " + note),
                null,
                by));
        events.raise(
                new ResolutionActionDone(
                        id, resolution.resolutionId(), actionId, action.kind(), by, evidence, note, at),
                id);
        if (resolution.allDone() && !resolution.carriedOut()) {
            resolution = resolution.carriedOut(at);
            add(new TimelineEntry(
                    at, Milestone.RESOLUTION_CARRIED_OUT, "every action done, round " + round, null, null));
            events.raise(new ResolutionCarriedOut(id, resolution.resolutionId(), round, at), id);
        }
        return true;
    }

    /**
     * Parts reports the goods of a REPLACEMENT or FREE_GOODS action left the dealer; the action is done
     * when an agent confirms the customer received them ({@link #goodsReceived}).
     *
     * @return false when the shipment was recorded before
     */
    public boolean goodsShipped(String actionId, String waybill, TimelineEntry entry) {
        agreedAction(actionId);
        var progress = resolution.progressOf(actionId);
        if (progress.shipped()) {
            return false;
        }
        resolution = resolution.with(progress.shipped(entry.at(), waybill));
        add(entry);
        return true;
    }

    /** An agent confirms the customer received the shipped goods: the action is done, the waybill its evidence. */
    public void goodsReceived(String actionId, String by, String note, Instant at) {
        requireOpen();
        var action = agreedAction(actionId);
        if (!action.kind().shipsGoods()) {
            throw new CaseRuleViolation("action " + actionId + " ships no goods");
        }
        var progress = resolution.progressOf(actionId);
        if (!progress.shipped()) {
            throw new CaseRuleViolation("the goods of action " + actionId + " have not been shipped yet");
        }
        if (progress.done()) {
            throw new CaseRuleViolation("action " + actionId + " is already done");
        }
        add(new TimelineEntry(at, Milestone.GOODS_RECEIVED, action.kind() + " " + actionId, null, by));
        actionDone(actionId, by, progress.shipmentReference(), note, at);
    }

    /**
     * Reports, once each, the actions of the agreed resolution not done by the time promised to the
     * customer: {@code ResolutionActionOverdue} for the owner's supervisor.
     *
     * @return the actions that fell overdue now
     */
    public List<ResolutionAction> reportOverdueActions(Instant now) {
        var overdue = new ArrayList<ResolutionAction>();
        if (!status().isOpen() || resolution == null || !resolution.accepted()) {
            return overdue;
        }
        for (var action : resolution.actions()) {
            if (action.actionId() == null
                    || action.promisedBy() == null
                    || action.promisedBy().isAfter(now)) {
                continue;
            }
            var progress = resolution.progressOf(action.actionId());
            if (progress.done() || progress.overdueAt() != null) {
                continue;
            }
            resolution = resolution.with(progress.overdue(now));
            add(new TimelineEntry(
                    now,
                    Milestone.ACTION_OVERDUE,
                    action.kind() + " " + action.actionId() + " was promised by " + action.promisedBy(),
                    null,
                    null));
            events.raise(
                    new ResolutionActionOverdue(
                            id,
                            resolution.resolutionId(),
                            action.actionId(),
                            action.kind(),
                            action.ownerRole(),
                            action.ownerDealerId(),
                            action.promisedBy(),
                            now),
                    id);
            overdue.add(action);
        }
        return overdue;
    }

    /** When the overdue sweep must look at this case next: the earliest promise of an action not done nor reported. */
    public Instant nextActionDue() {
        if (!status().isOpen() || resolution == null || !resolution.accepted()) {
            return null;
        }
        Instant next = null;
        for (var action : resolution.actions()) {
            if (action.actionId() == null || action.promisedBy() == null) {
                continue;
            }
            var progress = resolution.progressOf(action.actionId());
            if (!progress.done()
                    && progress.overdueAt() == null
                    && (next == null || action.promisedBy().isBefore(next))) {
                next = action.promisedBy();
            }
        }
        return next;
    }

    /** The actions of the agreed resolution past their promised time and still not done (the supervisor's list). */
    public List<ResolutionAction> overdueActions() {
        if (!status().isOpen() || resolution == null || !resolution.accepted()) {
            return List.of();
        }
        return resolution.actions().stream()
                .filter(a -> a.actionId() != null)
                .filter(a -> {
                    var p = resolution.progressOf(a.actionId());
                    return p.overdueAt() != null && !p.done();
                })
                .toList();
    }

    private ResolutionAction agreedAction(String actionId) {
        if (resolution == null || !resolution.accepted()) {
            throw new CaseRuleViolation("complaint " + id + " has no agreed resolution");
        }
        return resolution
                .action(actionId)
                .orElseThrow(() ->
                        new CaseRuleViolation("the resolution of complaint " + id + " has no action " + actionId));
    }

    /**
     * A compensation to make up for a failure, on a case of any kind: {@code GoodwillRecorded}, counted
     * as after-sales cost. The approval limit is checked by the use case, which knows the roles.
     */
    public void recordGoodwill(Goodwill given) {
        if (status() == ComplaintStatus.CANCELLED) {
            throw new CaseRuleViolation("complaint " + id + " was cancelled");
        }
        if (goodwill.stream().anyMatch(g -> g.compensationId().equals(given.compensationId()))) {
            return;
        }
        goodwill.add(given);
        add(new TimelineEntry(
                given.recordedAt(),
                Milestone.GOODWILL_RECORDED,
                given.kind() + " " + given.amount().toPlainString() + ": " + given.reason()
                        + (given.approvedBy() == null || given.approvedBy().equals(given.recordedBy())
                                ? ""
                                : ", approved by " + given.approvedBy()),
                null,
                given.recordedBy()));
        events.raise(
                new GoodwillRecorded(
                        id,
                        given.compensationId(),
                        given.kind(),
                        given.amount(),
                        given.reason(),
                        given.recordedBy(),
                        given.approvedBy(),
                        given.dealerId(),
                        given.recordedAt()),
                id);
    }

    /**
     * The customer called the case off, or it duplicates {@code mergedInto}: it ends here, every clock
     * stops, and {@code ComplaintCancelled} withdraws its assignment and releases its reservations.
     */
    public void cancel(Cancellation why) {
        requireOpen();
        if (why.reason() == CancellationReason.MERGED && why.mergedInto().equals(id)) {
            throw new CaseRuleViolation("a case cannot be merged into itself");
        }
        cancellation = why;
        add(new TimelineEntry(
                why.at(),
                Milestone.CANCELLED,
                why.reason()
                        + (why.mergedInto() == null ? "" : " into " + why.mergedInto())
                        + (why.note() == null || why.note().isBlank() ? "" : ": " + why.note()),
                null,
                why.by()));
        for (var clock : SlaClock.values()) {
            clocks = clocks.with(clock, clocks.get(clock).stopped(why.at()));
        }
        events.raise(new ComplaintCancelled(id, why.reason(), why.mergedInto(), why.note(), why.by(), why.at()), id);
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
            if (status == ComplaintStatus.CANCELLED) {
                break;
            }
            status = switch (entry.what()) {
                case TECHNICIAN_ASSIGNED -> status == ComplaintStatus.CLOSED ? status : ComplaintStatus.ASSIGNED;
                case ASSIGNMENT_ESCALATED -> status == ComplaintStatus.CLOSED ? status : ComplaintStatus.ESCALATED;
                case VISIT_COMPLETED, RESOLUTION_CARRIED_OUT ->
                    status == ComplaintStatus.CLOSED ? status : ComplaintStatus.AWAITING_RETURN_CALL;
                case RESOLVED_BY_PHONE -> ComplaintStatus.RESOLVED_BY_PHONE;
                case REOPENED -> ComplaintStatus.REOPENED;
                case CLOSED -> ComplaintStatus.CLOSED;
                case CANCELLED -> status == ComplaintStatus.CLOSED ? status : ComplaintStatus.CANCELLED;
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

    /** Whom or what a complaint-procedure case is about; null for service requests. */
    public CaseSubject subject() {
        return subject;
    }

    /** The machine's other cases linked to this one, in the order they were linked. */
    public List<String> relatedComplaintIds() {
        return List.copyOf(related);
    }

    /** What an installation of a machine not yet archived is about; else null. */
    public InstallationRequest installation() {
        return installation;
    }

    /** Compensations recorded on the case, oldest first. */
    public List<Goodwill> goodwill() {
        return List.copyOf(goodwill);
    }

    /** Why the case was cancelled or merged; null while it was not. */
    public Cancellation cancellation() {
        return cancellation;
    }

    /** The stored version this case was read at; null before its first save. */
    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
