package dev.aftersales.followup.quality.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.followup.RepeatFailureDetected;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A machine as the quality loop sees it: what it is and when a visit last completed on it, so that
 * a new fault soon after (default within 90 days) is reported as a repeat failure.
 */
public final class Machine {

    private final String serialNumber;
    private MachineState state;
    private final Long version;
    private final AggregateEvents events;

    private Machine(String serialNumber, MachineState state, Long version, AggregateEvents events) {
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
        this.state = state == null ? MachineState.UNKNOWN : state;
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    public static Machine unknown(String serialNumber) {
        return new Machine(serialNumber, MachineState.UNKNOWN, null, null);
    }

    /** A machine as stored, with the store's version and its events; raises nothing. */
    public static Machine restore(String serialNumber, MachineState state, Long version, AggregateEvents events) {
        return new Machine(serialNumber, state, version, events);
    }

    /** The machine's state as of now, for the store; the serial number, version and events are read beside it. */
    public MachineState snapshot() {
        return state;
    }

    /** The archive's installation record; a correction already applied (newer) wins over it. */
    public void installed(String model, String productLine, String customerId, String dealerId) {
        if (state.archiveRevision() > 0) {
            return;
        }
        state = state.archived(0, model, productLine, customerId, dealerId);
    }

    /**
     * A correction of the archive's record (e.g. the machine's customer): applied only when newer
     * than the revision this machine shows, so a replayed correction never undoes a later one.
     */
    public void corrected(int revision, String model, String productLine, String customerId, String dealerId) {
        if (revision <= state.archiveRevision()) {
            return;
        }
        state = state.archived(revision, model, productLine, customerId, dealerId);
    }

    /** A visit on this machine was completed; the latest completion is the one a new fault is measured from. */
    public void visitCompleted(String complaintId, Instant completedAt) {
        if (state.lastCompletedAt() == null || completedAt.isAfter(state.lastCompletedAt())) {
            state = state.lastVisit(complaintId, completedAt);
        }
    }

    /**
     * A new complaint about this machine: within {@code window} of the last completed visit on
     * another case it raises RepeatFailureDetected.
     *
     * @return whether it was a repeat failure
     */
    public boolean faultReported(String complaintId, String model, Instant registeredAt, Duration window) {
        if (model != null) {
            state = state.ofModel(model);
        }
        var lastCompletedAt = state.lastCompletedAt();
        if (lastCompletedAt == null
                || complaintId.equals(state.lastComplaintId())
                || registeredAt.isBefore(lastCompletedAt)) {
            return false;
        }
        if (registeredAt.isAfter(lastCompletedAt.plus(window))) {
            return false;
        }
        var daysSince = Duration.between(lastCompletedAt, registeredAt).toDays();
        events.raise(
                new RepeatFailureDetected(
                        serialNumber,
                        complaintId,
                        state.lastComplaintId(),
                        lastCompletedAt,
                        daysSince,
                        state.model(),
                        registeredAt),
                complaintId);
        return true;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String model() {
        return state.model();
    }

    public String productLine() {
        return state.productLine();
    }

    public String customerId() {
        return state.customerId();
    }

    public String dealerId() {
        return state.dealerId();
    }

    public String lastComplaintId() {
        return state.lastComplaintId();
    }

    public Instant lastCompletedAt() {
        return state.lastCompletedAt();
    }

    /** The archive correction this machine's record shows; 0 as installed. */
    public int archiveRevision() {
        return state.archiveRevision();
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
