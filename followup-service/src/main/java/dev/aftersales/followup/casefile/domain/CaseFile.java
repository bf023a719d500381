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
    private CaseFileState file;
    private final Long version;
    private final AggregateEvents events;

    private CaseFile(String id, CaseFileState file, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.file = file == null ? CaseFileState.UNKNOWN : file;
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    /** A case follow-up has not heard of yet; events about it may arrive in any order. */
    public static CaseFile open(String complaintId) {
        return new CaseFile(complaintId, CaseFileState.UNKNOWN, null, null);
    }

    /** A case file as stored, with the store's version and its events; raises nothing. */
    public static CaseFile restore(String id, CaseFileState file, Long version, AggregateEvents events) {
        return new CaseFile(id, file, version, events);
    }

    /** The case file's state as of now, for the store; the id, version and events are read beside it. */
    public CaseFileState snapshot() {
        return file;
    }

    public void registered(
            String serialNumber, String model, String batchNumber, String customerId, Instant at, String what) {
        file = file.about(serialNumber, model, batchNumber, customerId);
        step(at, what);
    }

    public void assigned(String technicianId, String dealerId, Instant at) {
        file = file.servedBy(technicianId, dealerId);
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
        if (file.serialNumber() == null) {
            file = file.about(serialNumber, file.model(), file.batchNumber(), file.customerId());
        }
        file = file.servedBy(technicianId, dealerId)
                .withVisit(new CompletedVisit(assignmentId, at, file.round()), parts);
        step(
                at,
                "visit completed by " + technicianId + (fixed ? ", fixed" : ", not fixed")
                        + (parts.isEmpty() ? "" : ", parts " + String.join(" ", parts)));
    }

    /** The satisfaction round a completed visit belongs to: its return call surveys that round. */
    public Optional<Integer> roundOfVisit(String assignmentId, Instant completedAt) {
        return file.visits().stream()
                .filter(v ->
                        v.assignmentId().equals(assignmentId) && v.completedAt().equals(completedAt))
                .map(CompletedVisit::round)
                .findFirst();
    }

    /**
     * The round a completed visit's return call surveys, whether or not the visit reached this file
     * yet: the round it was recorded in, else the current one (where it will be recorded).
     */
    public int roundOf(String assignmentId, Instant completedAt) {
        return roundOfVisit(assignmentId, completedAt).orElse(file.round());
    }

    /** Adds to the history in time order: intake's and dispatch's events arrive on different topics. */
    public void step(Instant at, String what) {
        var steps = new ArrayList<>(file.steps());
        var i = steps.size();
        while (i > 0 && steps.get(i - 1).at().isAfter(at)) {
            i--;
        }
        steps.add(i, new CaseStep(at, what));
        if (steps.size() > STEPS_KEPT) {
            steps.remove(0);
        }
        file = file.withSteps(steps);
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
        var round = file.round();
        if (!solved || satisfaction <= 2) {
            var reason = !solved ? "not solved" : "satisfaction " + satisfaction;
            events.raise(new CustomerDissatisfied(id, round, solved, satisfaction, reason, now), id);
            step(now, "customer dissatisfied in round " + round + ": " + reason);
            var escalated = round >= maxRounds;
            if (escalated) {
                events.raise(new FollowupEscalated(id, round, "dissatisfied after " + round + " rounds", now), id);
                step(now, "escalated to a supervisor after " + round + " rounds");
            }
            file = file.inRound(round + 1, escalated ? FollowupState.ESCALATED : file.state());
        } else {
            events.raise(new CustomerSatisfied(id, round, satisfaction, now), id);
            step(now, "customer satisfied in round " + round);
            file = file.inRound(round, FollowupState.SATISFIED);
        }
        return round;
    }

    public String id() {
        return id;
    }

    public String serialNumber() {
        return file.serialNumber();
    }

    public String model() {
        return file.model();
    }

    public String batchNumber() {
        return file.batchNumber();
    }

    public String customerId() {
        return file.customerId();
    }

    public String technicianId() {
        return file.technicianId();
    }

    public String dealerId() {
        return file.dealerId();
    }

    public List<String> partsUsed() {
        return file.partsUsed();
    }

    public List<CaseStep> steps() {
        return file.steps();
    }

    public List<CompletedVisit> visits() {
        return file.visits();
    }

    public int round() {
        return file.round();
    }

    public FollowupState state() {
        return file.state();
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
