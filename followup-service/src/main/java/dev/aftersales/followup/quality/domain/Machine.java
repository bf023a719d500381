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
    private String model;
    private String productLine;
    private String customerId;
    private String dealerId;
    private String lastComplaintId;
    private Instant lastCompletedAt;
    private int archiveRevision;
    private final Long version;
    private final AggregateEvents events;

    private Machine(
            String serialNumber,
            String model,
            String productLine,
            String customerId,
            String dealerId,
            String lastComplaintId,
            Instant lastCompletedAt,
            int archiveRevision,
            Long version,
            AggregateEvents events) {
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
        this.model = model;
        this.productLine = productLine;
        this.customerId = customerId;
        this.dealerId = dealerId;
        this.lastComplaintId = lastComplaintId;
        this.lastCompletedAt = lastCompletedAt;
        this.archiveRevision = archiveRevision;
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    public static Machine unknown(String serialNumber) {
        return new Machine(serialNumber, null, null, null, null, null, null, 0, null, null);
    }

    public static Machine restore(
            String serialNumber,
            String model,
            String productLine,
            String customerId,
            String dealerId,
            String lastComplaintId,
            Instant lastCompletedAt,
            int archiveRevision,
            Long version,
            AggregateEvents events) {
        return new Machine(
                serialNumber,
                model,
                productLine,
                customerId,
                dealerId,
                lastComplaintId,
                lastCompletedAt,
                archiveRevision,
                version,
                events);
    }

    /** The archive's installation record; a correction already applied (newer) wins over it. */
    public void installed(String model, String productLine, String customerId, String dealerId) {
        if (archiveRevision > 0) {
            return;
        }
        this.model = model;
        this.productLine = productLine;
        this.customerId = customerId;
        this.dealerId = dealerId;
    }

    /**
     * A correction of the archive's record (e.g. the machine's customer): applied only when newer
     * than the revision this machine shows, so a replayed correction never undoes a later one.
     */
    public void corrected(int revision, String model, String productLine, String customerId, String dealerId) {
        if (revision <= archiveRevision) {
            return;
        }
        this.archiveRevision = revision;
        this.model = model;
        this.productLine = productLine;
        this.customerId = customerId;
        this.dealerId = dealerId;
    }

    /** A visit on this machine was completed; the latest completion is the one a new fault is measured from. */
    public void visitCompleted(String complaintId, Instant completedAt) {
        if (lastCompletedAt == null || completedAt.isAfter(lastCompletedAt)) {
            lastComplaintId = complaintId;
            lastCompletedAt = completedAt;
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
            this.model = model;
        }
        if (lastCompletedAt == null || complaintId.equals(lastComplaintId) || registeredAt.isBefore(lastCompletedAt)) {
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
                        lastComplaintId,
                        lastCompletedAt,
                        daysSince,
                        this.model,
                        registeredAt),
                complaintId);
        return true;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String model() {
        return model;
    }

    public String productLine() {
        return productLine;
    }

    public String customerId() {
        return customerId;
    }

    public String dealerId() {
        return dealerId;
    }

    public String lastComplaintId() {
        return lastComplaintId;
    }

    public Instant lastCompletedAt() {
        return lastCompletedAt;
    }

    /** The archive correction this machine's record shows; 0 as installed. */
    public int archiveRevision() {
        return archiveRevision;
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
