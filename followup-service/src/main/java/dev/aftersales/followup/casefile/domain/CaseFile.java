package dev.aftersales.followup.casefile.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.followup.CustomerDissatisfied;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.followup.FollowupEscalated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Follow-up's view of a case: what machine and customer it is about, what happened on it (for the
 * call list), who served it, and the satisfaction loop: each dissatisfied survey starts a new round
 * (intake reopens, dispatch sends someone again, the next visit's return call surveys again) until
 * the customer is satisfied or the configured number of rounds is spent.
 */
public final class CaseFile {

    static final int STEPS_KEPT = 50;

    private final String id;
    private String serialNumber;
    private String model;
    private String batchNumber;
    private String customerId;
    private String technicianId;
    private String dealerId;
    private final List<String> partsUsed;
    private final List<CaseStep> steps;
    private final List<CompletedVisit> visits;
    private int round;
    private FollowupState state;
    private final Long version;
    private final AggregateEvents events;

    private CaseFile(String id, CaseFileState file, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.serialNumber = file.serialNumber();
        this.model = file.model();
        this.batchNumber = file.batchNumber();
        this.customerId = file.customerId();
        this.technicianId = file.technicianId();
        this.dealerId = file.dealerId();
        this.partsUsed = new ArrayList<>(file.partsUsed() == null ? List.of() : file.partsUsed());
        this.steps = new ArrayList<>(file.steps() == null ? List.of() : file.steps());
        this.visits = new ArrayList<>(file.visits() == null ? List.of() : file.visits());
        this.round = Math.max(1, file.round());
        this.state = file.state() == null ? FollowupState.OPEN : file.state();
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    /** A case follow-up has not heard of yet; events about it may arrive in any order. */
    public static CaseFile open(String complaintId) {
        return new CaseFile(
                complaintId,
                new CaseFileState(
                        null, null, null, null, null, null, List.of(), List.of(), List.of(), 1, FollowupState.OPEN),
                null,
                null);
    }

    /** A case file as stored, with the store's version and its events; raises nothing. */
    public static CaseFile restore(String id, CaseFileState file, Long version, AggregateEvents events) {
        return new CaseFile(id, file, version, events);
    }

    /** The case file's state as of now, for the store; the id, version and events are read beside it. */
    public CaseFileState snapshot() {
        return new CaseFileState(
                serialNumber,
                model,
                batchNumber,
                customerId,
                technicianId,
                dealerId,
                List.copyOf(partsUsed),
                List.copyOf(steps),
                List.copyOf(visits),
                round,
                state);
    }

    public void registered(
            String serialNumber, String model, String batchNumber, String customerId, Instant at, String what) {
        this.serialNumber = serialNumber;
        this.model = model;
        this.batchNumber = batchNumber;
        this.customerId = customerId;
        step(at, what);
    }

    public void assigned(String technicianId, String dealerId, Instant at) {
        this.technicianId = technicianId;
        this.dealerId = dealerId;
        step(at, "technician " + technicianId + " assigned");
    }

    /**
     * A visit on the case was completed; it belongs to the current satisfaction round. The same
     * completion told again (a new event id for the same assignment and time) changes nothing.
     */
    public void visitCompleted(
            String assignmentId,
            String serialNumber,
            String technicianId,
            String dealerId,
            List<String> parts,
            boolean fixed,
            Instant at) {
        if (roundOfVisit(assignmentId, at).isPresent()) {
            return;
        }
        visits.add(new CompletedVisit(assignmentId, at, round));
        if (this.serialNumber == null) {
            this.serialNumber = serialNumber;
        }
        this.technicianId = technicianId;
        this.dealerId = dealerId;
        parts.stream().filter(p -> !partsUsed.contains(p)).forEach(partsUsed::add);
        step(
                at,
                "visit completed by " + technicianId + (fixed ? ", fixed" : ", not fixed")
                        + (parts.isEmpty() ? "" : ", parts " + String.join(" ", parts)));
    }

    /** The satisfaction round a completed visit belongs to: its return call surveys that round. */
    public Optional<Integer> roundOfVisit(String assignmentId, Instant completedAt) {
        return visits.stream()
                .filter(v ->
                        v.assignmentId().equals(assignmentId) && v.completedAt().equals(completedAt))
                .map(CompletedVisit::round)
                .findFirst();
    }

    /** Adds to the history in time order: intake's and dispatch's events arrive on different topics. */
    public void step(Instant at, String what) {
        var i = steps.size();
        while (i > 0 && steps.get(i - 1).at().isAfter(at)) {
            i--;
        }
        steps.add(i, new CaseStep(at, what));
        if (steps.size() > STEPS_KEPT) {
            steps.remove(0);
        }
    }

    /**
     * The customer answered the survey of the current round. Not solved or satisfaction ≤ 2 is
     * dissatisfied: CustomerDissatisfied, and the next round starts; in the last allowed round
     * FollowupEscalated as well (a supervisor owns the case from then on). Otherwise
     * CustomerSatisfied, and the loop ends.
     *
     * @return the round the survey belonged to
     */
    public int surveyAnswered(boolean solved, int satisfaction, int maxRounds, Instant now) {
        var answeredRound = round;
        if (!solved || satisfaction <= 2) {
            var reason = !solved ? "not solved" : "satisfaction " + satisfaction;
            events.raise(new CustomerDissatisfied(id, round, solved, satisfaction, reason, now), id);
            step(now, "customer dissatisfied in round " + round + ": " + reason);
            if (round >= maxRounds) {
                state = FollowupState.ESCALATED;
                events.raise(new FollowupEscalated(id, round, "dissatisfied after " + round + " rounds", now), id);
                step(now, "escalated to a supervisor after " + round + " rounds");
            }
            round++;
        } else {
            state = FollowupState.SATISFIED;
            events.raise(new CustomerSatisfied(id, round, satisfaction, now), id);
            step(now, "customer satisfied in round " + round);
        }
        return answeredRound;
    }

    public String id() {
        return id;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String model() {
        return model;
    }

    public String batchNumber() {
        return batchNumber;
    }

    public String customerId() {
        return customerId;
    }

    public String technicianId() {
        return technicianId;
    }

    public String dealerId() {
        return dealerId;
    }

    public List<String> partsUsed() {
        return List.copyOf(partsUsed);
    }

    public List<CaseStep> steps() {
        return List.copyOf(steps);
    }

    public List<CompletedVisit> visits() {
        return List.copyOf(visits);
    }

    public int round() {
        return round;
    }

    public FollowupState state() {
        return state;
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
